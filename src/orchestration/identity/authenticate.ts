import { DateTime, Duration, Effect, Option } from "effect"
import { shouldRecordUse, TOKEN_PREFIX, tokenInvalidity, tokenValidUntil } from "../../domain/identity/ApiToken.js"
import { audit } from "../../domain/identity/AuthIntents.js"
import { SessionInvalid, Valid } from "../../domain/identity/AuthOutcomes.js"
import { type Device, type InvalidReason, invalidity, type Session, shouldTouch, validUntil } from "../../domain/identity/Session.js"
import { SessionIdleTimeoutMinutes } from "../../domain/settings/Catalogue.js"
import { AccountActor, AnonymousActor, ApiTokenActor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"
import { ApiTokens } from "./ApiTokens.js"
import { Sessions } from "./Sessions.js"

/** The actor is built from values the repositories have decoded: no second validation (≈ 50 µs a request). */
const decoded = { disableValidation: true } as const

/**
 * The outcome for a valid session, one per session value (and idle timeout): a repository that
 * remembers rows hands every request the same `Session` until a commit changes it, so its actor
 * is built once.
 */
const validSessions = new WeakMap<Session, Valid>()
const validFor = (session: Session, idle: Duration.Duration): Valid => {
  const until = validUntil(session, idle)
  let valid = validSessions.get(session)
  if (valid === undefined || valid.until.epochMillis !== until.epochMillis) {
    valid = new Valid({
      actor: new AccountActor({ accountId: session.accountId, sessionId: session.id, restricted: session.kind === "restricted" }, decoded),
      until
    }, decoded)
    validSessions.set(session, valid)
  }
  return valid
}

/**
 * Who a bearer token (a session's or an API token's) authenticates: `Valid { actor } |
 * SessionInvalid { reason }`. The reason (unknown, expired, idle, revoked, epoch,
 * accountNotActive) is audited; callers answer one uniform 401. Valid uses are recorded at most
 * once a minute. `Valid.until` says how long the answer holds without a commit (see
 * `validUntil`): a caller that watches commits may reuse it until then.
 */
export const authenticate = fn("Identity.authenticate")(function*(bearer: string, device: Device) {
  const now = yield* DateTime.now
  const auditTrail = yield* AuditTrail
  const accounts = yield* Accounts
  const invalid = (reason: InvalidReason, account?: AccountId) =>
    auditTrail.record(audit("auth.bearer", new AnonymousActor({ ip: device.ip, userAgent: device.userAgent }), "SessionInvalid", { account, reason })).pipe(
      Effect.as(new SessionInvalid({ reason }))
    )

  if (bearer.startsWith(TOKEN_PREFIX)) {
    const tokens = yield* ApiTokens
    const token = yield* tokens.findByToken(bearer)
    if (Option.isNone(token)) return yield* invalid("unknown")
    const account = yield* accounts.findById(token.value.accountId)
    const reason = Option.isNone(account) ? Option.some("accountNotActive" as const) : tokenInvalidity(token.value, account.value, now)
    if (Option.isSome(reason)) return yield* invalid(reason.value, token.value.accountId)
    if (shouldRecordUse(token.value, now)) yield* tokens.touch(token.value.id, now)
    return new Valid({
      actor: new ApiTokenActor({ accountId: token.value.accountId, tokenId: token.value.id, scopes: token.value.scopes }, decoded),
      until: tokenValidUntil(token.value, now)
    }, decoded)
  }

  const sessions = yield* Sessions
  const session = bearer === "" ? Option.none() : yield* sessions.findByToken(bearer)
  if (Option.isNone(session)) return yield* invalid("unknown")
  const account = yield* accounts.findById(session.value.accountId)
  const idle = Duration.minutes(yield* (yield* Settings).get(SessionIdleTimeoutMinutes))
  const reason = Option.isNone(account) ? Option.some("accountNotActive" as const) : invalidity(session.value, account.value, now, idle)
  if (Option.isSome(reason)) return yield* invalid(reason.value, session.value.accountId)
  if (shouldTouch(session.value, now)) yield* sessions.touch(session.value.id, now)
  return validFor(session.value, idle)
})
