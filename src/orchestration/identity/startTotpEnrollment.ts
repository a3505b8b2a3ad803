import { Either, Option, Redacted } from "effect"
import { AlreadyEnrolled, SessionInvalid, TotpEnrollmentStarted } from "../../domain/identity/AuthOutcomes.js"
import { PlatformDisplayName } from "../../domain/settings/Catalogue.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { currentSession } from "./currentSession.js"

/**
 * Starts (or restarts) a TOTP enrolment: a new secret, its `otpauth://` URI and a QR code, shown
 * once. `TotpEnrollmentStarted | AlreadyEnrolled | SessionRequired | SessionInvalid`. A
 * restricted session may enrol.
 */
export const startTotpEnrollment = fn("Identity.startTotpEnrollment")(function*(actor: Actor) {
  const session = yield* currentSession(actor, { allowRestricted: true })
  if (Either.isLeft(session)) return session.left
  const credentials = yield* Credentials
  const accountId = session.right.accountId
  if (Option.exists(yield* credentials.totp(accountId), (t) => t.status === "enabled")) return new AlreadyEnrolled()
  const account = yield* (yield* Accounts).findById(accountId)
  if (Option.isNone(account)) return new SessionInvalid({ reason: "accountNotActive" })
  const issuer = yield* (yield* Settings).get(PlatformDisplayName)
  const enrollment = yield* credentials.startTotp(accountId, account.value.email, issuer)
  return new TotpEnrollmentStarted({
    secret: Redacted.make(enrollment.secret),
    uri: Redacted.make(enrollment.uri),
    qrSvg: enrollment.qrSvg
  })
})
