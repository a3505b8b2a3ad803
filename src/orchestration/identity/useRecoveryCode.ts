import { Either } from "effect"
import { securityNotice } from "../../domain/identity/AuthIntents.js"
import type { Device } from "../../domain/identity/Session.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { answerChallenge } from "./answerChallenge.js"
import { Credentials } from "./Credentials.js"
import { startSession } from "./startSession.js"

/**
 * The second factor by recovery code (single use): `Authenticated { recoveryCodesRemaining } |
 * SecondFactorRejected | ChallengeExpired | AccountLocked | AccountNotActive`. The account is told
 * a code was used and how many are left.
 */
export const useRecoveryCode = fn("Identity.useRecoveryCode")(function*(challengeToken: string, code: string, device: Device) {
  const credentials = yield* Credentials
  const answered = yield* answerChallenge("auth.secondFactor.recoveryCode", challengeToken, device, (account) =>
    credentials.useRecoveryCode(account.id, code))
  if (Either.isLeft(answered)) return answered.left
  const { account, answer: remaining } = answered.right
  yield* (yield* Notifications).emit(securityNotice("auth.recoveryCode.used", account.id, { remaining }))
  return yield* startSession(account, device, "recoveryCode", { recoveryCodesRemaining: remaining })
})
