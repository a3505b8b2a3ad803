import { DateTime, Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { PlatformRoleName } from "../../domain/access/PlatformRoles.js"
import { RoleGrant, RoleName } from "../../domain/access/Role.js"
import { AdminNotice, targetsSelf } from "../../domain/identity/AdminLifecycle.js"
import { CannotTargetSelf, PlatformRoleGranted } from "../../domain/identity/AdminOutcomes.js"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Accounts } from "../identity/Accounts.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { authorize } from "./authorize.js"
import { Roles } from "./Roles.js"

/**
 * Grants a platform role (`roles.grant`, fresh) to another account. A new grant bumps the
 * grantee's auth epoch (its sessions end at once: it logs in again under its new role), is
 * audited and told to the grantee; granting a role already held changes nothing (`changed: false`).
 * `PlatformRoleGranted | CannotTargetSelf | NotFound | Refusal`.
 */
export const grantPlatformRole = fn("Access.grantPlatformRole")(function*(actor: Actor, accountId: AccountId, role: PlatformRoleName) {
  const refused = yield* authorize(actor, "roles.grant", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const auditTrail = yield* AuditTrail
  const details = { role, scope: "platform" }
  const refuse = <A extends { readonly _tag: string }>(outcome: A, reason: string) =>
    Effect.as(auditTrail.record(audit("roles.grant", actor, outcome._tag, { account: accountId, reason, details })), outcome)
  if (targetsSelf(actor, accountId)) return yield* refuse(new CannotTargetSelf(), "the actor's own account")
  const accounts = yield* Accounts
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (Option.isNone(yield* accounts.findById(accountId))) return yield* refuse(new NotFound({ entity: "account", id: accountId }), "no such account")
    const grant = new RoleGrant({ accountId, role: RoleName.make(role), tenantId: Option.none(), grantedAt: yield* DateTime.now })
    if (!(yield* (yield* Roles).grant(grant))) return new PlatformRoleGranted({ accountId, role, changed: false })
    const authEpoch = yield* accounts.bumpEpoch(accountId)
    yield* auditTrail.record(audit("roles.grant", actor, "PlatformRoleGranted", { account: accountId, details: { ...details, authEpoch } }))
    yield* (yield* Notifications).emit(securityNotice(AdminNotice.roleGranted, accountId, { role }))
    return new PlatformRoleGranted({ accountId, role, changed: true })
  }))
})
