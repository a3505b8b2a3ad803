import { Schema } from "effect"
import { RoleName } from "../access/Role.js"
import { AccountId, TenantId } from "../shared/Ids.js"
import { AccountStatus, DisplayName } from "./Account.js"
import { Email } from "./Email.js"

/** An account belongs to a tenant; its roles there are role grants in that tenant. */
export class Membership extends Schema.Class<Membership>("Membership")({
  tenantId: TenantId,
  accountId: AccountId,
  joinedAt: Schema.DateTimeUtc
}) {}

/** A member as listed: the account, its roles in the tenant, and when it joined. */
export class Member extends Schema.Class<Member>("Member")({
  accountId: AccountId,
  email: Email,
  displayName: DisplayName,
  status: AccountStatus,
  roles: Schema.Array(RoleName),
  joinedAt: Schema.DateTimeUtc
}) {}

/** A page of a listing ordered by a key: `after` is the key of the last item of the previous page. */
export interface PageRequest {
  readonly after?: string | undefined
  readonly limit: number
}
