import { DateTime, Effect, Either, Option, Redacted } from "effect"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { AlreadyEnrolled, SecondFactorRejected, TotpEnabled, TotpNotEnrolled } from "../../domain/identity/AuthOutcomes.js"
import { acceptStep, normaliseTotpCode } from "../../domain/identity/SecondFactor.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { currentSession } from "./currentSession.js"
import { Sessions } from "./Sessions.js"

/**
 * Confirms a pending enrolment with a first code, which is thereby used up (it is never accepted
 * again, not even at login). Enables TOTP, issues ten recovery codes (shown once) and bumps the
 * auth epoch: every other session ends at once. A full session carries on; a restricted one
 * (enrolment was required) ends too, so that the next login proves the new factor.
 * `TotpEnabled | SecondFactorRejected | TotpNotEnrolled | AlreadyEnrolled | SessionRequired | SessionInvalid`.
 */
export const confirmTotpEnrollment = fn("Identity.confirmTotpEnrollment")(function*(actor: Actor, code: string) {
  const session = yield* currentSession(actor, { allowRestricted: true })
  if (Either.isLeft(session)) return session.left
  const credentials = yield* Credentials
  const accountId = session.right.accountId
  const state = yield* credentials.totp(accountId)
  if (Option.isNone(state)) return new TotpNotEnrolled()
  if (state.value.status === "enabled") return new AlreadyEnrolled()
  const now = yield* DateTime.now
  const digits = normaliseTotpCode(code)
  const matched = Option.isNone(digits) ? Option.none() : yield* credentials.matchTotp(accountId, digits.value, now)
  const step = acceptStep(matched, state.value.lastAcceptedStep)
  if (Option.isNone(step) || !(yield* credentials.acceptTotpStep(accountId, state.value.lastAcceptedStep, step.value))) {
    yield* (yield* AuditTrail).record(audit("auth.totp.enroll", actor, "SecondFactorRejected", { account: accountId, reason: "wrong confirmation code" }))
    return new SecondFactorRejected()
  }
  const codes = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* credentials.enableTotp(accountId)
    const codes = yield* credentials.issueRecoveryCodes(accountId)
    const epoch = yield* (yield* Accounts).bumpEpoch(accountId)
    if (session.right.kind === "full") yield* (yield* Sessions).reauthenticated(session.right.id, session.right.authenticatedAt, epoch)
    yield* (yield* AuditTrail).record(audit("auth.totp.enroll", actor, "TotpEnabled", { account: accountId }))
    yield* (yield* Notifications).emit(securityNotice("auth.totp.enabled", accountId))
    return codes
  }))
  return new TotpEnabled({ recoveryCodes: Redacted.make(codes) })
})
