import { Effect, FiberRef, Option } from "effect"
import type { OutboxEntry } from "../../domain/outbox/OutboxEntry.js"
import type { RepositoryError } from "../../orchestration/shared/RepositoryError.js"

/**
 * The outbox entries recorded inside the current unit of work, not yet written. `None` outside
 * any transaction. Forked fibers share the enclosing buffer (it is one mutable array).
 */
export const PendingIntents: FiberRef.FiberRef<Option.Option<Array<OutboxEntry>>> = FiberRef.unsafeMake<
  Option.Option<Array<OutboxEntry>>
>(Option.none())

/**
 * Runs `effect` with a fresh buffer, then writes what it recorded with `flush` — still inside
 * the caller's transaction, so the intents commit or roll back with the state change. Returns
 * the result and whether any intent was written (the caller wakes the dispatcher after commit).
 */
export const collect = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  flush: (entries: ReadonlyArray<OutboxEntry>) => Effect.Effect<void, RepositoryError>
): Effect.Effect<readonly [A, boolean], E | RepositoryError, R> =>
  Effect.suspend(() => {
    const pending: Array<OutboxEntry> = []
    return effect.pipe(
      Effect.tap(() => (pending.length > 0 ? flush(pending) : Effect.void)),
      Effect.map((a) => [a, pending.length > 0] as const),
      Effect.locally(PendingIntents, Option.some(pending))
    )
  })
