import { DateTime, Either, Option, Redacted } from "effect"
import { audit } from "../../domain/identity/AuthIntents.js"
import { Revoked, TokenIssued } from "../../domain/identity/AuthOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { ApiTokenId } from "../../domain/shared/Ids.js"
import { Issue, NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { ApiTokens } from "./ApiTokens.js"
import { currentSession } from "./currentSession.js"

export interface IssueTokenInput {
  readonly name: string
  readonly scopes: ReadonlyArray<string>
  readonly expiresAt: Option.Option<DateTime.Utc>
}

/** Issues an API token, shown once. Only from a session (a token cannot mint tokens). `TokenIssued | ValidationFailed | SessionRequired | SessionInvalid`. */
export const issueToken = fn("Identity.issueToken")(function*(actor: Actor, input: IssueTokenInput) {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session.left
  const accountId = session.right.accountId
  const now = yield* DateTime.now
  if (Option.exists(input.expiresAt, (at) => !DateTime.greaterThan(at, now))) {
    return new ValidationFailed({ issues: [new Issue({ path: "expiresAt", message: "must be in the future" })] })
  }
  const issued = yield* (yield* ApiTokens).issue({ accountId, ...input, now })
  yield* (yield* AuditTrail).record(audit("auth.token.issue", actor, "TokenIssued", { account: accountId, details: { token: issued.apiToken.id, name: input.name } }))
  return new TokenIssued({ token: Redacted.make(issued.token), apiToken: issued.apiToken })
})

/** The actor's API tokens, revoked ones included. `ReadonlyArray<ApiToken> | SessionRequired | SessionInvalid`. */
export const listTokens = fn("Identity.listTokens")(function*(actor: Actor) {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session.left
  return yield* (yield* ApiTokens).list(session.right.accountId)
})

/** Revokes one of the actor's tokens, at once. `Revoked | NotFound | SessionRequired | SessionInvalid`. */
export const revokeToken = fn("Identity.revokeToken")(function*(actor: Actor, id: ApiTokenId) {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session.left
  const accountId = session.right.accountId
  const revoked = yield* (yield* ApiTokens).revoke(accountId, id, yield* DateTime.now)
  yield* (yield* AuditTrail).record(audit("auth.token.revoke", actor, revoked ? "Revoked" : "NotFound", { account: accountId, details: { token: id } }))
  return revoked ? new Revoked({ count: 1 }) : new NotFound({ entity: "apiToken", id })
})
