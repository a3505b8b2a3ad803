import { Effect, Either, Option } from "effect"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { TotpDisabled, TotpNotEnrolled } from "../../domain/identity/AuthOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { freshSession } from "./currentSession.js"
import { Sessions } from "./Sessions.js"

/**
 * Removes the TOTP factor and its recovery codes. Needs the password proven in the last ten
 * minutes. Bumps the auth epoch: every other session ends; this one carries on.
 * `TotpDisabled | TotpNotEnrolled | ReauthenticationRequired | SessionRequired | SessionInvalid`.
 */
export const disableTotp = fn("Identity.disableTotp")(function*(actor: Actor) {
  const session = yield* freshSession(actor)
  if (Either.isLeft(session)) return session.left
  const credentials = yield* Credentials
  const { accountId, id } = session.right
  if (Option.isNone(yield* credentials.totp(accountId))) return new TotpNotEnrolled()
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* credentials.removeTotp(accountId)
    const epoch = yield* (yield* Accounts).bumpEpoch(accountId)
    yield* (yield* Sessions).reauthenticated(id, session.right.authenticatedAt, epoch)
    yield* (yield* AuditTrail).record(audit("auth.totp.disable", actor, "TotpDisabled", { account: accountId }))
    yield* (yield* Notifications).emit(securityNotice("auth.totp.disabled", accountId))
  }))
  return new TotpDisabled()
})

