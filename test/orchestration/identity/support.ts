import { Clock, Effect, Option, Redacted } from "effect"
import * as OTPAuth from "otpauth"
import { Device } from "../../../src/domain/identity/Session.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { authenticate } from "../../../src/orchestration/identity/authenticate.js"
import { confirmTotpEnrollment } from "../../../src/orchestration/identity/confirmTotpEnrollment.js"
import { createAccount } from "../../../src/orchestration/identity/createAccount.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { startTotpEnrollment } from "../../../src/orchestration/identity/startTotpEnrollment.js"

export const device = new Device({ userAgent: "vitest", ip: "127.0.0.1" })
export const email = "ada@example.com"
export const password = "correct horse battery staple"

export const createAdmin = createAccount(new SystemActor({ component: "test" }), { email, displayName: "Ada", password }).pipe(
  Effect.map((outcome) => {
    if (outcome._tag !== "AccountCreated") throw new Error(`account not created: ${outcome._tag}`)
    return outcome.account
  })
)

/** Logs in with the password and returns the session token (no second factor). */
export const loginToken = login({ email, password, device }).pipe(
  Effect.map((outcome) => {
    if (outcome._tag !== "Authenticated") throw new Error(`not authenticated: ${outcome._tag}`)
    return Redacted.value(outcome.sessionToken)
  })
)

/** The actor a token authenticates. */
export const actorOf = (token: string) =>
  authenticate(token, device).pipe(
    Effect.map((outcome) => {
      if (outcome._tag !== "Valid") throw new Error(`invalid: ${outcome.reason}`)
      return outcome.actor
    })
  )

/** The TOTP code of `secret` at the current (test) clock, shifted by `steps`. */
export const codeAt = (secret: string, steps = 0) =>
  Effect.map(Clock.currentTimeMillis, (now) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
      timestamp: now + steps * 30_000
    }))

/** Creates the admin, logs in, enrols TOTP; returns the secret and the recovery codes. */
export const enrolledAdmin = Effect.gen(function*() {
  yield* createAdmin
  const actor = yield* actorOf(yield* loginToken)
  const started = yield* startTotpEnrollment(actor)
  if (started._tag !== "TotpEnrollmentStarted") throw new Error(started._tag)
  const secret = Redacted.value(started.secret)
  const enabled = yield* confirmTotpEnrollment(actor, yield* codeAt(secret))
  if (enabled._tag !== "TotpEnabled") throw new Error(enabled._tag)
  return { secret, recoveryCodes: Redacted.value(enabled.recoveryCodes) }
})

export const some = Option.some
