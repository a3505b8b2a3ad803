import { DateTime, Duration, Effect, Either, Option } from "effect"
import type { Account } from "../../domain/identity/Account.js"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { AccountLocked, AccountNotActive, ChallengeExpired, SecondFactorRejected } from "../../domain/identity/AuthOutcomes.js"
import { CHALLENGE_ATTEMPTS, isOpen } from "../../domain/identity/Challenge.js"
import { retryAfter } from "../../domain/identity/Lockout.js"
import type { Device } from "../../domain/identity/Session.js"
import { AnonymousActor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { Sessions } from "./Sessions.js"

type Refusal = ChallengeExpired | AccountLocked | AccountNotActive | SecondFactorRejected

const lockedFor = (remaining: Duration.Duration) => new AccountLocked({ retryAfterSeconds: Math.ceil(Duration.toSeconds(remaining)) })

/**
 * Answers a second-factor challenge with `check` (a TOTP or a recovery code). The challenge must
 * be known, unexpired and within its five attempts; the account's second-factor counter must not
 * be locked. A wrong answer counts a failure (a fifth locks, and the account is told); a right one
 * consumes the challenge (once: a concurrent answer loses) and resets the counter.
 */
export const answerChallenge = <A, R>(
  action: string,
  challengeToken: string,
  device: Device,
  check: (account: Account, now: DateTime.Utc) => Effect.Effect<Option.Option<A>, RepositoryError, R>
) =>
  Effect.gen(function*() {
    const actor = new AnonymousActor({ ip: device.ip, userAgent: device.userAgent })
    const auditTrail = yield* AuditTrail
    const sessions = yield* Sessions
    const credentials = yield* Credentials
    const now = yield* DateTime.now
    const refuse = (outcome: Refusal, reason: string, account?: Account) =>
      auditTrail.record(audit(action, actor, outcome._tag, { account: account?.id, reason })).pipe(
        Effect.as(Either.left<Refusal>(outcome))
      )

    const challenge = yield* sessions.findChallenge(challengeToken)
    if (Option.isNone(challenge)) return yield* refuse(new ChallengeExpired(), "unknown or answered challenge")
    if (!isOpen(challenge.value, now)) {
      yield* sessions.consumeChallenge(challenge.value.id)
      return yield* refuse(new ChallengeExpired(), "challenge expired or out of attempts")
    }
    const accountId = challenge.value.accountId
    const locked = retryAfter(yield* credentials.attempts(accountId, "secondFactor"), now)
    if (Option.isSome(locked)) return yield* refuse(lockedFor(locked.value), "second factor locked")
    if ((yield* sessions.countChallengeAttempt(challenge.value.id)) > CHALLENGE_ATTEMPTS) {
      return yield* refuse(new ChallengeExpired(), "challenge out of attempts")
    }
    const account = Option.filter(yield* (yield* Accounts).findById(accountId), (a) => a.status === "active")
    if (Option.isNone(account)) return yield* refuse(new AccountNotActive(), "account gone or not active")

    const answer = yield* check(account.value, now)
    if (Option.isNone(answer)) {
      const state = yield* credentials.recordFailure(accountId, "secondFactor", now)
      const lock = retryAfter(state, now)
      if (Option.isNone(lock)) return yield* refuse(new SecondFactorRejected(), `wrong code (${state.failures} in a row)`, account.value)
      yield* (yield* Notifications).emit(securityNotice("auth.account.locked", accountId, { factor: "secondFactor" }))
      return yield* refuse(lockedFor(lock.value), `${state.failures} consecutive second-factor failures`, account.value)
    }
    if (!(yield* sessions.consumeChallenge(challenge.value.id))) return yield* refuse(new ChallengeExpired(), "answered concurrently")
    yield* credentials.resetFailures(accountId, "secondFactor")
    return Either.right({ account: account.value, answer: answer.value })
  })
