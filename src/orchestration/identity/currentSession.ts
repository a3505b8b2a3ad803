import { DateTime, Effect, Either, Option } from "effect"
import { ReauthenticationRequired, SessionInvalid, SessionRequired } from "../../domain/identity/AuthOutcomes.js"
import { isFresh, type Session } from "../../domain/identity/Session.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { Sessions } from "./Sessions.js"

/**
 * The interactive session an actor acts through. Credentials are managed only in a session:
 * an API token gets `SessionRequired`; a restricted session only where `allowRestricted`.
 */
export const currentSession = Effect.fn("Identity.currentSession")(function*(
  actor: Actor,
  options: { readonly allowRestricted?: boolean; readonly fresh?: boolean } = {}
): Effect.fn.Return<Either.Either<Session, SessionRequired | SessionInvalid | ReauthenticationRequired>, RepositoryError, Sessions> {
  if (actor._tag !== "AccountActor" || (actor.restricted && options.allowRestricted !== true)) {
    return Either.left(new SessionRequired())
  }
  const session = yield* (yield* Sessions).find(actor.accountId, actor.sessionId)
  if (Option.isNone(session)) return Either.left(new SessionInvalid({ reason: "unknown" }))
  if (options.fresh === true && !isFresh(session.value.authenticatedAt, yield* DateTime.now)) {
    return Either.left(new ReauthenticationRequired())
  }
  return Either.right(session.value)
})
