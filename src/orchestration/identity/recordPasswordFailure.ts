import { Duration, Option, type DateTime } from "effect"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { AccountLocked, InvalidCredentials } from "../../domain/identity/AuthOutcomes.js"
import { retryAfter } from "../../domain/identity/Lockout.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Credentials } from "./Credentials.js"

/**
 * Counts a wrong password against `subject` (the normalised email) and answers as a caller must
 * see it: `InvalidCredentials`, or `AccountLocked` when this failure earned a lock. The audit
 * keeps the precise reason; a lock notifies the account, when there is one.
 */
export const recordPasswordFailure = fn("Identity.recordPasswordFailure")(function*(
  actor: Actor,
  action: string,
  subject: string,
  account: Option.Option<AccountId>,
  reason: string,
  now: DateTime.Utc
) {
  const state = yield* (yield* Credentials).recordFailure(subject, "password", now)
  const locked = retryAfter(state, now)
  const auditTrail = yield* AuditTrail
  const accountId = Option.getOrUndefined(account)
  yield* auditTrail.record(audit(action, actor, "InvalidCredentials", { account: accountId, reason, details: { failures: state.failures } }))
  if (Option.isNone(locked)) return new InvalidCredentials()
  const retryAfterSeconds = Math.ceil(Duration.toSeconds(locked.value))
  yield* auditTrail.record(audit("auth.lock", actor, "AccountLocked", { account: accountId, reason: `${state.failures} consecutive password failures`, details: { retryAfterSeconds } }))
  if (accountId !== undefined) {
    yield* (yield* Notifications).emit(securityNotice("auth.account.locked", accountId, { retryAfterSeconds }))
  }
  return new AccountLocked({ retryAfterSeconds })
})
