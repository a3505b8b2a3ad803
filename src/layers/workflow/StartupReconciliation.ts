import { Effect, Layer } from "effect"

/**
 * Runs a reconciliation once, in the background, as the layer starts: `reconcile` wakes what a
 * crash may have left waiting and returns how many it looked at. A count is logged when there was
 * anything; a failure is logged, and the next start tries again.
 */
export const once = <E, R>(what: string, reconcile: Effect.Effect<number, E, R>): Layer.Layer<never, never, R> =>
  Layer.scopedDiscard(
    Effect.forkScoped(
      reconcile.pipe(
        Effect.tap((count) => (count > 0 ? Effect.logInfo(`${what} reconciled`).pipe(Effect.annotateLogs({ count })) : Effect.void)),
        Effect.catchAllCause((cause) => Effect.logError(`${what} reconciliation failed`, cause))
      )
    )
  )
