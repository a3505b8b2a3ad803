import { Data, DateTime, Effect } from "effect"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { Transactions } from "../shared/Transactions.js"

/** Ends a unit of work with an outcome and undoes what it wrote (a refusal found after the first write). */
export class Rollback<A> extends Data.TaggedError("Rollback")<{ readonly outcome: A }> {}

type OutcomeOf<E> = E extends Rollback<infer B> ? B : never

/** Runs `effect` in a transaction; a `Rollback` undoes everything it wrote and becomes the outcome. */
export const transactionally = <A, E, R>(
  effect: Effect.Effect<A, E, R>
): Effect.Effect<A | OutcomeOf<E>, Exclude<E, Rollback<unknown>> | RepositoryError, R | Transactions> =>
  Effect.flatMap(Transactions, (transactions) =>
    transactions.withTransaction(effect).pipe(
      Effect.catchAll((error) =>
        error instanceof Rollback
          ? Effect.succeed(error.outcome as OutcomeOf<E>)
          : Effect.fail(error as Exclude<E, Rollback<unknown>> | RepositoryError)
      )
    ))

/** Today's date (UTC), from the clock. */
export const today = Effect.map(DateTime.now, (now) => dayOfMillis(DateTime.toEpochMillis(now)))
