import { DateTime, Duration, Either, Option, Redacted, Schema } from "effect"
import { audit } from "../../domain/identity/AuthIntents.js"
import { AccountLocked, AccountNotActive, SecondFactorRequired } from "../../domain/identity/AuthOutcomes.js"
import { CHALLENGE_LIFETIME } from "../../domain/identity/Challenge.js"
import { EmailFromInput } from "../../domain/identity/Email.js"
import { hasFailures, retryAfter } from "../../domain/identity/Lockout.js"
import type { Device } from "../../domain/identity/Session.js"
import { LoginEnabled, TotpRequired } from "../../domain/settings/Catalogue.js"
import { AnonymousActor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { requireFeature } from "../settings/requireFeature.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { recordPasswordFailure } from "./recordPasswordFailure.js"
import { Sessions } from "./Sessions.js"
import { startRestrictedSession, startSession } from "./startSession.js"

export interface LoginInput {
  readonly email: string
  readonly password: string
  readonly device: Device
}

/**
 * The first factor. `Authenticated | SecondFactorRequired | TotpEnrollmentRequired |
 * InvalidCredentials | AccountLocked | AccountNotActive | FeatureDisabled`. An unknown email
 * costs a password verification and answers like a wrong password; failures are counted per
 * email, known or not, so locks tell nothing either.
 */
export const login = fn("Identity.login")(function*(input: LoginInput) {
  const actor = new AnonymousActor({ ip: input.device.ip, userAgent: input.device.userAgent })
  const auditTrail = yield* AuditTrail
  const disabled = yield* requireFeature(LoginEnabled)
  if (Option.isSome(disabled)) {
    yield* auditTrail.record(audit("auth.login", actor, "FeatureDisabled"))
    return disabled.value
  }
  const now = yield* DateTime.now
  const credentials = yield* Credentials
  const email = Schema.decodeEither(EmailFromInput)(input.email)
  const subject = Either.match(email, { onLeft: () => input.email.trim().toLowerCase(), onRight: (e) => e })
  const attempts = yield* credentials.attempts(subject, "password")
  const locked = retryAfter(attempts, now)
  if (Option.isSome(locked)) {
    yield* auditTrail.record(audit("auth.login", actor, "AccountLocked", { reason: "locked: password not checked" }))
    return new AccountLocked({ retryAfterSeconds: Math.ceil(Duration.toSeconds(locked.value)) })
  }
  const account = Either.isRight(email) ? yield* (yield* Accounts).findByEmail(email.right) : Option.none()
  const valid = yield* credentials.verifyPassword(Option.map(account, (a) => a.id), input.password)
  if (!valid || Option.isNone(account)) {
    const reason = Option.isNone(account) ? "unknown email" : "wrong password"
    return yield* recordPasswordFailure(actor, "auth.login", subject, Option.map(account, (a) => a.id), reason, now)
  }
  if (hasFailures(attempts)) yield* credentials.resetFailures(subject, "password")
  if (account.value.status !== "active") {
    yield* auditTrail.record(audit("auth.login", actor, "AccountNotActive", { account: account.value.id, reason: account.value.status }))
    return new AccountNotActive()
  }
  const totp = yield* credentials.totp(account.value.id)
  if (Option.exists(totp, (t) => t.status === "enabled")) {
    const expiresAt = DateTime.addDuration(now, CHALLENGE_LIFETIME)
    const { token } = yield* (yield* Sessions).openChallenge({ accountId: account.value.id, device: input.device, now, expiresAt })
    yield* auditTrail.record(audit("auth.login", actor, "SecondFactorRequired", { account: account.value.id }))
    return new SecondFactorRequired({ challengeToken: Redacted.make(token), expiresAt })
  }
  return (yield* (yield* Settings).get(TotpRequired))
    ? yield* startRestrictedSession(account.value, input.device)
    : yield* startSession(account.value, input.device, "password")
})
