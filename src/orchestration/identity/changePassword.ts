import { DateTime, Duration, Effect, Either, Option } from "effect"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { AccountLocked, PasswordChanged, PasswordRejected, SessionInvalid } from "../../domain/identity/AuthOutcomes.js"
import { retryAfter } from "../../domain/identity/Lockout.js"
import { passwordProblems } from "../../domain/identity/PasswordPolicy.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { currentSession } from "./currentSession.js"
import { recordPasswordFailure } from "./recordPasswordFailure.js"
import { Sessions } from "./Sessions.js"

/**
 * Changes the password after checking the current one and the policy. Bumps the auth epoch and
 * ends every other session at once; this one carries on, freshly authenticated.
 * `PasswordChanged | PasswordRejected | InvalidCredentials | AccountLocked | SessionRequired | SessionInvalid`.
 */
export const changePassword = fn("Identity.changePassword")(function*(actor: Actor, current: string, next: string) {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session.left
  const account = yield* (yield* Accounts).findById(session.right.accountId)
  if (Option.isNone(account)) return new SessionInvalid({ reason: "accountNotActive" })
  const { email, id } = account.value
  const credentials = yield* Credentials
  const now = yield* DateTime.now
  const locked = retryAfter(yield* credentials.attempts(email, "password"), now)
  if (Option.isSome(locked)) return new AccountLocked({ retryAfterSeconds: Math.ceil(Duration.toSeconds(locked.value)) })
  if (!(yield* credentials.verifyPassword(Option.some(id), current))) {
    return yield* recordPasswordFailure(actor, "auth.password.change", email, Option.some(id), "wrong current password", now)
  }
  yield* credentials.resetFailures(email, "password")
  const problems = passwordProblems(next, email, credentials.isCommonPassword)
  if (problems.length > 0) {
    yield* (yield* AuditTrail).record(audit("auth.password.change", actor, "PasswordRejected", { account: id, reason: problems.join("; ") }))
    return new PasswordRejected({ problems })
  }
  const sessions = yield* Sessions
  const ended = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* credentials.setPassword(id, next)
    const epoch = yield* (yield* Accounts).bumpEpoch(id)
    const ended = yield* sessions.revoke(id, { allBut: session.right.id }, now)
    yield* sessions.reauthenticated(session.right.id, now, epoch)
    yield* (yield* AuditTrail).record(audit("auth.password.change", actor, "PasswordChanged", { account: id, details: { sessionsEnded: ended } }))
    yield* (yield* Notifications).emit(securityNotice("auth.password.changed", id))
    return ended
  }))
  return new PasswordChanged({ otherSessionsEnded: ended })
})
