import { Schema } from "effect"
import { Role, RoleName } from "../access/Role.js"
import { AccountId, TenantId } from "../shared/Ids.js"
import { Member } from "./Membership.js"
import { Tenant } from "./Tenant.js"

/** The outcomes of tenant and membership operations. */

export class TenantCreated extends Schema.TaggedClass<TenantCreated>()("TenantCreated", { tenant: Tenant }) {}

/** A tenant of that id (slug) exists already. */
export class TenantExists extends Schema.TaggedClass<TenantExists>()("TenantExists", { id: TenantId }) {}

/** The tenant, as it is now (after a status change, or as read). */
export class TenantView extends Schema.TaggedClass<TenantView>()("TenantView", { tenant: Tenant }) {}

export class TenantList extends Schema.TaggedClass<TenantList>()("TenantList", { tenants: Schema.Array(Tenant) }) {}

/** The account is a member of the tenant now; `created` when the account did not exist before. */
export class Registered extends Schema.TaggedClass<Registered>()("Registered", {
  accountId: AccountId,
  created: Schema.Boolean
}) {}

export class AlreadyMember extends Schema.TaggedClass<AlreadyMember>()("AlreadyMember", { accountId: AccountId }) {}

/** A page of members; `next` is the cursor of the following page, when there is one. */
export class MemberList extends Schema.TaggedClass<MemberList>()("MemberList", {
  members: Schema.Array(Member),
  next: Schema.optional(Schema.String)
}) {}

export class MemberRolesChanged extends Schema.TaggedClass<MemberRolesChanged>()("MemberRolesChanged", {
  accountId: AccountId,
  roles: Schema.Array(RoleName)
}) {}

export class MemberRemoved extends Schema.TaggedClass<MemberRemoved>()("MemberRemoved", { accountId: AccountId }) {}

export class RoleDefined extends Schema.TaggedClass<RoleDefined>()("RoleDefined", { role: Role }) {}

export class RoleList extends Schema.TaggedClass<RoleList>()("RoleList", { roles: Schema.Array(Role) }) {}
