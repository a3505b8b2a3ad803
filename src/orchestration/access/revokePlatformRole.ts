import { Effect, Option } from "effect"
import { PermissionDenied } from "../../domain/access/AccessOutcomes.js"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { PlatformRoleName } from "../../domain/access/PlatformRoles.js"
import { RoleName } from "../../domain/access/Role.js"
import { AdminNotice, isLastPlatformAdmin, targetsSelf } from "../../domain/identity/AdminLifecycle.js"
import { CannotTargetSelf, LastPlatformAdmin, PlatformRoleRevoked } from "../../domain/identity/AdminOutcomes.js"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Accounts } from "../identity/Accounts.js"
import { actorStillActive } from "../identity/actorStillActive.js"
import { Admins } from "../identity/Admins.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { authorize } from "./authorize.js"
import { Roles } from "./Roles.js"

/**
 * Revokes a platform role (`roles.grant`, fresh) from another account, under the platform-admin
 * lock: the last active platform admin keeps `platform-admin` (`LastPlatformAdmin`). Bumps the
 * account's auth epoch (its sessions end at once), audited and told to it.
 * `PlatformRoleRevoked | CannotTargetSelf | LastPlatformAdmin | NotFound | Refusal`.
 */
export const revokePlatformRole = fn("Access.revokePlatformRole")(function*(actor: Actor, accountId: AccountId, role: PlatformRoleName) {
  const refused = yield* authorize(actor, "roles.grant", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const auditTrail = yield* AuditTrail
  const details = { role, scope: "platform" }
  const refuse = <A extends { readonly _tag: string }>(outcome: A, reason: string) =>
    Effect.as(auditTrail.record(audit("roles.revoke", actor, outcome._tag, { account: accountId, reason, details })), outcome)
  if (targetsSelf(actor, accountId)) return yield* refuse(new CannotTargetSelf(), "the actor's own account")
  const accounts = yield* Accounts
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const activeAdmins = yield* (yield* Admins).lockActivePlatformAdmins
    if (!(yield* actorStillActive(actor))) return yield* refuse(new PermissionDenied({ ability: "roles.grant" }), "the acting account is no longer active")
    if (Option.isNone(yield* accounts.findById(accountId))) return yield* refuse(new NotFound({ entity: "account", id: accountId }), "no such account")
    if (role === "platform-admin" && isLastPlatformAdmin(activeAdmins, accountId)) {
      return yield* refuse(new LastPlatformAdmin(), "the last active platform admin")
    }
    if (!(yield* (yield* Roles).revoke(accountId, RoleName.make(role), Option.none()))) {
      return yield* refuse(new NotFound({ entity: "roleGrant", id: `${accountId}/${role}` }), "the account does not hold the role")
    }
    const authEpoch = yield* accounts.bumpEpoch(accountId)
    yield* auditTrail.record(audit("roles.revoke", actor, "PlatformRoleRevoked", { account: accountId, details: { ...details, authEpoch } }))
    yield* (yield* Notifications).emit(securityNotice(AdminNotice.roleRevoked, accountId, { role }))
    return new PlatformRoleRevoked({ accountId, role })
  }))
})
