import { Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { Issue } from "../shared/Outcomes.js"
import { RoleName } from "./Role.js"

/** The actor may not do this. Callers learn which ability was missing; the audit trail keeps why. */
export class PermissionDenied extends Schema.TaggedClass<PermissionDenied>()("PermissionDenied", {
  ability: Schema.String
}) {}

/** The tenant is suspended: its members cannot act inside it. */
export class TenantNotActive extends Schema.TaggedClass<TenantNotActive>()("TenantNotActive", {
  tenantId: TenantId
}) {}

/** The role does not exist where it was asked for (or cannot be granted there). */
export class UnknownRole extends Schema.TaggedClass<UnknownRole>()("UnknownRole", {
  role: Schema.String
}) {}

/** A custom role of that name exists in the tenant already. */
export class RoleExists extends Schema.TaggedClass<RoleExists>()("RoleExists", {
  role: RoleName
}) {}

/** The custom role breaks a rule its schema cannot express (a platform ability, a built-in name). */
export class RoleRejected extends Schema.TaggedClass<RoleRejected>()("RoleRejected", {
  issues: Schema.Array(Issue)
}) {}
