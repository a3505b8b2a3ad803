import { DateTime, type Effect, Either, Option } from "effect"
import { ReauthenticationRequired, SessionInvalid, SessionRequired } from "../../domain/identity/AuthOutcomes.js"
import { isFresh, type Session } from "../../domain/identity/Session.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { fn } from "../shared/Fn.js"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { Sessions } from "./Sessions.js"

/**
 * The interactive session an actor acts through. Credentials are managed only in a session:
 * an API token gets `SessionRequired`, and so does a restricted session unless `allowRestricted`.
 */
export const currentSession = fn("Identity.currentSession")(function*(
  actor: Actor,
  options: { readonly allowRestricted?: boolean } = {}
): Effect.fn.Return<Either.Either<Session, SessionRequired | SessionInvalid>, RepositoryError, Sessions> {
  if (actor._tag !== "AccountActor" || (actor.restricted && options.allowRestricted !== true)) {
    return Either.left(new SessionRequired())
  }
  const session = yield* (yield* Sessions).find(actor.accountId, actor.sessionId)
  return Option.match(session, {
    onNone: () => Either.left(new SessionInvalid({ reason: "unknown" })),
    onSome: Either.right
  })
})

/** The current session, provided the password was proven in it within the last ten minutes. */
export const freshSession = fn("Identity.freshSession")(function*(
  actor: Actor
): Effect.fn.Return<Either.Either<Session, SessionRequired | SessionInvalid | ReauthenticationRequired>, RepositoryError, Sessions> {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session
  return isFresh(session.right.authenticatedAt, yield* DateTime.now) ? session : Either.left(new ReauthenticationRequired())
})
