import { Either, Option, Redacted } from "effect"
import { audit } from "../../domain/identity/AuthIntents.js"
import { RecoveryCodesIssued, TotpNotEnrolled } from "../../domain/identity/AuthOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Credentials } from "./Credentials.js"
import { freshSession } from "./currentSession.js"

/**
 * Replaces the recovery codes with ten new ones, shown once. Needs the password proven in the
 * last ten minutes. `RecoveryCodesIssued | TotpNotEnrolled | ReauthenticationRequired | SessionRequired | SessionInvalid`.
 */
export const regenerateRecoveryCodes = fn("Identity.regenerateRecoveryCodes")(function*(actor: Actor) {
  const session = yield* freshSession(actor)
  if (Either.isLeft(session)) return session.left
  const credentials = yield* Credentials
  const accountId = session.right.accountId
  if (!Option.exists(yield* credentials.totp(accountId), (t) => t.status === "enabled")) return new TotpNotEnrolled()
  const codes = yield* credentials.issueRecoveryCodes(accountId)
  yield* (yield* AuditTrail).record(audit("auth.recoveryCodes.regenerate", actor, "RecoveryCodesIssued", { account: accountId }))
  return new RecoveryCodesIssued({ recoveryCodes: Redacted.make(codes) })
})
