import { type DateTime, Effect, Either, Option } from "effect"
import type { Account } from "../../domain/identity/Account.js"
import { acceptStep, normaliseTotpCode } from "../../domain/identity/SecondFactor.js"
import type { Device } from "../../domain/identity/Session.js"
import { fn } from "../shared/Fn.js"
import { answerChallenge } from "./answerChallenge.js"
import { Credentials } from "./Credentials.js"
import { startSession } from "./startSession.js"

/**
 * Matches a TOTP code (±1 step) and accepts it only for a step later than the last accepted one,
 * advanced with compare-and-set: a code is never accepted twice, even by parallel requests.
 */
export const checkTotp = (account: Account, code: string, now: DateTime.Utc) =>
  Effect.gen(function*() {
    const credentials = yield* Credentials
    const digits = normaliseTotpCode(code)
    const state = Option.filter(yield* credentials.totp(account.id), (t) => t.status === "enabled")
    if (Option.isNone(digits) || Option.isNone(state)) return Option.none()
    const step = acceptStep(yield* credentials.matchTotp(account.id, digits.value, now), state.value.lastAcceptedStep)
    if (Option.isNone(step)) return Option.none()
    const won = yield* credentials.acceptTotpStep(account.id, state.value.lastAcceptedStep, step.value)
    return won ? step : Option.none()
  })

/** The second factor by TOTP: `Authenticated | SecondFactorRejected | ChallengeExpired | AccountLocked | AccountNotActive`. */
export const verifyTotp = fn("Identity.verifyTotp")(function*(challengeToken: string, code: string, device: Device) {
  const answered = yield* answerChallenge("auth.secondFactor.totp", challengeToken, device, (account, now) => checkTotp(account, code, now))
  if (Either.isLeft(answered)) return answered.left
  return yield* startSession(answered.right.account, device, "totp")
})

