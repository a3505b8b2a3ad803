import { DateTime, Effect, Either, Option } from "effect"
import type { Ability } from "../../domain/access/Ability.js"
import { PermissionDenied } from "../../domain/access/AccessOutcomes.js"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { AccountStatus } from "../../domain/identity/Account.js"
import { AdminNotice, isLastPlatformAdmin, targetsSelf, transition } from "../../domain/identity/AdminLifecycle.js"
import { AdminDisabled, AdminReinstated, AdminSuspended, CannotTargetSelf, LastPlatformAdmin } from "../../domain/identity/AdminOutcomes.js"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { AccessRevocation } from "./AccessRevocation.js"
import { Accounts } from "./Accounts.js"
import { actorStillActive } from "./actorStillActive.js"
import { Admins } from "./Admins.js"

type Target = "suspended" | "active" | "disabled"
type Changed = ConstructorParameters<typeof AdminSuspended>[0]
const notices = { suspended: AdminNotice.suspended, active: AdminNotice.reinstated, disabled: AdminNotice.disabled } as const

/**
 * Moves an account along the admin lifecycle, under the platform-admin lock: authorize, refuse
 * the actor's own account (and an actor no longer active by then), `NotFound`, `InvalidTransition`, `LastPlatformAdmin` (for a step out
 * of `active`), then the new status and a new auth epoch; leaving `active` also revokes every
 * session and API token (a reinstated account gets none back). Audited with the reason, told
 * to the account.
 */
const changeStatus = Effect.fnUntraced(function*<A extends { readonly _tag: string }>(
  actor: Actor,
  action: Ability,
  id: AccountId,
  change: { readonly to: Target; readonly reason: Option.Option<string>; readonly done: (changed: Changed) => A }
) {
  const { done, reason, to } = change
  const refused = yield* authorize(actor, action, AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const auditTrail = yield* AuditTrail
  const because = Option.getOrUndefined(reason)
  const refuse = <A extends { readonly _tag: string }>(outcome: A, why?: string) =>
    Effect.as(auditTrail.record(audit(action, actor, outcome._tag, { account: id, reason: why ?? because ?? outcome._tag })), outcome)
  if (targetsSelf(actor, id)) return yield* refuse(new CannotTargetSelf(), "the actor's own account")
  const accounts = yield* Accounts
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const activeAdmins = yield* (yield* Admins).lockActivePlatformAdmins
    if (!(yield* actorStillActive(actor))) return yield* refuse(new PermissionDenied({ ability: action }), "the acting account is no longer active")
    const account = yield* accounts.findById(id)
    if (Option.isNone(account)) return yield* refuse(new NotFound({ entity: "account", id }), "no such account")
    const from: AccountStatus = account.value.status
    const step = transition(from, to)
    if (Either.isLeft(step)) return yield* refuse(step.left, `${from} → ${to}`)
    if (to !== "active" && isLastPlatformAdmin(activeAdmins, id)) return yield* refuse(new LastPlatformAdmin(), "the last active platform admin")
    const now = yield* DateTime.now
    yield* accounts.setStatus(id, to)
    const authEpoch = yield* accounts.bumpEpoch(id)
    const ended = to === "active" ? { sessions: 0, tokens: 0 } : yield* (yield* AccessRevocation).endAll(id, now)
    const outcome = done({ accountId: id, status: to, sessionsEnded: ended.sessions, tokensRevoked: ended.tokens })
    const details = { from, to, authEpoch, sessionsEnded: ended.sessions, tokensRevoked: ended.tokens }
    yield* auditTrail.record(audit(action, actor, outcome._tag, { account: id, details, ...(because === undefined ? {} : { reason: because }) }))
    yield* (yield* Notifications).emit(securityNotice(notices[to], id, { status: to }))
    return outcome
  }))
})

/** Suspends an active account (`admins.suspend`, fresh). See `changeStatus`. */
export const suspendAdmin = fn("Identity.suspendAdmin")(function*(actor: Actor, id: AccountId, reason: string) {
  return yield* changeStatus(actor, "admins.suspend", id, { to: "suspended", reason: Option.some(reason), done: (changed) => new AdminSuspended(changed) })
})

/** Reinstates a suspended account (`admins.suspend`, fresh): it logs in anew; its old sessions and tokens stay ended. */
export const reinstateAdmin = fn("Identity.reinstateAdmin")(function*(actor: Actor, id: AccountId) {
  return yield* changeStatus(actor, "admins.suspend", id, { to: "active", reason: Option.none(), done: (changed) => new AdminReinstated(changed) })
})

/** Disables an active or suspended account for good (`admins.disable`, fresh). See `changeStatus`. */
export const disableAdmin = fn("Identity.disableAdmin")(function*(actor: Actor, id: AccountId, reason: string) {
  return yield* changeStatus(actor, "admins.disable", id, { to: "disabled", reason: Option.some(reason), done: (changed) => new AdminDisabled(changed) })
})
