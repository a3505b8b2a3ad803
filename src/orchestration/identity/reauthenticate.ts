import { DateTime, Duration, Either, Option } from "effect"
import { audit } from "../../domain/identity/AuthIntents.js"
import { AccountLocked, Reauthenticated, SessionInvalid } from "../../domain/identity/AuthOutcomes.js"
import { retryAfter } from "../../domain/identity/Lockout.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { currentSession } from "./currentSession.js"
import { recordPasswordFailure } from "./recordPasswordFailure.js"
import { Sessions } from "./Sessions.js"

/**
 * Proves the password again in this session, opening a ten-minute window for sensitive
 * operations. Wrong passwords count towards the lock like at login.
 * `Reauthenticated | InvalidCredentials | AccountLocked | SessionRequired | SessionInvalid`.
 */
export const reauthenticate = fn("Identity.reauthenticate")(function*(actor: Actor, password: string) {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session.left
  const account = yield* (yield* Accounts).findById(session.right.accountId)
  if (Option.isNone(account)) return new SessionInvalid({ reason: "accountNotActive" })
  const credentials = yield* Credentials
  const now = yield* DateTime.now
  const locked = retryAfter(yield* credentials.attempts(account.value.email, "password"), now)
  if (Option.isSome(locked)) return new AccountLocked({ retryAfterSeconds: Math.ceil(Duration.toSeconds(locked.value)) })
  if (!(yield* credentials.verifyPassword(Option.some(account.value.id), password))) {
    return yield* recordPasswordFailure(actor, "auth.reauthenticate", account.value.email, Option.some(account.value.id), "wrong password", now)
  }
  yield* credentials.resetFailures(account.value.email, "password")
  yield* (yield* Sessions).reauthenticated(session.right.id, now, account.value.authEpoch)
  yield* (yield* AuditTrail).record(audit("auth.reauthenticate", actor, "Reauthenticated", { account: account.value.id }))
  return new Reauthenticated({ authenticatedAt: now })
})
