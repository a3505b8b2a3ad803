import { Array as Arr, DateTime, Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { UnknownRole } from "../../domain/access/AccessOutcomes.js"
import { grantableOn, RoleGrant, type RoleName } from "../../domain/access/Role.js"
import { securityNotice } from "../../domain/identity/AuthIntents.js"
import { tenantAudit } from "../../domain/identity/TenantIntents.js"
import { MemberList, MemberRemoved, MemberRolesChanged } from "../../domain/identity/TenantOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { fromDecoded } from "../../domain/shared/Construct.js"
import type { AccountId, TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { Roles } from "../access/Roles.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Memberships } from "./Memberships.js"

const memberList = fromDecoded(MemberList)

/** A page of the tenant's members, by email. `MemberList | Refusal`. */
export const listMembers = fn("Identity.listMembers")(function*(
  actor: Actor,
  tenantId: TenantId,
  page: { readonly after?: string | undefined; readonly limit: number }
) {
  const refused = yield* authorize(actor, "members.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const members = yield* (yield* Memberships).list(tenantId, { after: page.after, limit: page.limit + 1 })
  const shown = members.slice(0, page.limit)
  const last = shown.at(-1)
  // the members come validated from the port
  return memberList({ members: shown, ...(members.length > page.limit && last !== undefined ? { next: last.email } : {}) })
})

/**
 * Sets a member's roles in the tenant to exactly `roles`. The member's auth epoch is bumped:
 * sessions opened before the change end at once. `MemberRolesChanged | NotFound | UnknownRole | Refusal`.
 */
export const changeMemberRoles = fn("Identity.changeMemberRoles")(function*(
  actor: Actor,
  tenantId: TenantId,
  accountId: AccountId,
  wanted: ReadonlyArray<RoleName>
) {
  const refused = yield* authorize(actor, "members.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  if (Option.isNone(yield* (yield* Memberships).find(tenantId, accountId))) return new NotFound({ entity: "member", id: accountId })
  const roles = yield* Roles
  const tenant = Option.some(tenantId)
  for (const name of wanted) {
    const role = yield* roles.find(name, tenant)
    if (Option.isNone(role) || !grantableOn(role.value, tenant)) return new UnknownRole({ role: name })
  }
  const target = Arr.dedupe(wanted)
  const now = yield* DateTime.now
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const held = (yield* roles.grantsOf(accountId)).filter((g) => Option.contains(g.tenantId, tenantId)).map((g) => g.role)
    for (const role of held.filter((r) => !target.includes(r))) yield* roles.revoke(accountId, role, tenant)
    for (const role of target.filter((r) => !held.includes(r))) yield* roles.grant(new RoleGrant({ accountId, role, tenantId: tenant, grantedAt: now }))
    yield* (yield* Accounts).bumpEpoch(accountId)
    const details = { before: [...held].sort(), after: [...target].sort() }
    yield* (yield* AuditTrail).record(tenantAudit("members.roles", actor, "MemberRolesChanged", tenantId, { target: { type: "account", id: accountId }, details }))
    yield* (yield* Notifications).emit(securityNotice("members.rolesChanged", accountId, { tenant: tenantId, ...details }))
  }))
  return new MemberRolesChanged({ accountId, roles: target })
})

/**
 * Removes a member and every role it held in the tenant: its sessions lose access to the tenant
 * from the next request on (authorization reads the grants each time); its other tenants are
 * untouched. `MemberRemoved | NotFound | Refusal`.
 */
export const removeMember = fn("Identity.removeMember")(function*(actor: Actor, tenantId: TenantId, accountId: AccountId) {
  const refused = yield* authorize(actor, "members.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* (yield* Memberships).remove(tenantId, accountId))) return new NotFound({ entity: "member", id: accountId })
    const revoked = yield* (yield* Roles).revokeAllIn(accountId, tenantId)
    yield* (yield* AuditTrail).record(tenantAudit("members.remove", actor, "MemberRemoved", tenantId, { target: { type: "account", id: accountId }, details: { revoked } }))
    yield* (yield* Notifications).emit(securityNotice("members.removed", accountId, { tenant: tenantId }))
    return new MemberRemoved({ accountId })
  }))
})
