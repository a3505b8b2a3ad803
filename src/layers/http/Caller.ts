import { Effect } from "effect"
import type { Actor } from "../../domain/shared/Actor.js"
import type { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { CurrentActor } from "./Authentication.js"
import { unavailable } from "./HttpErrors.js"

/** Runs an orchestrator for the authenticated caller; an infrastructure failure answers 503. */
export const asCaller = <A, E, R>(operation: (actor: Actor) => Effect.Effect<A, E | RepositoryError, R>) =>
  CurrentActor.pipe(Effect.flatMap(operation), unavailable)
