import { Effect, Layer } from "effect"
import { reconcileDropships } from "../../orchestration/fulfilment/reconcileDropships.js"

/**
 * Wakes unsettled dropships once, as the layer starts (in the background): their workflows are
 * started again and their latest signals completed again, both harmless when nothing was lost.
 * A failure is logged; the next start tries again.
 */
export const layer = (batch = 10_000) =>
  Layer.scopedDiscard(
    Effect.forkScoped(
      reconcileDropships(batch).pipe(
        Effect.tap((count) => (count > 0 ? Effect.logInfo("dropships reconciled").pipe(Effect.annotateLogs({ count })) : Effect.void)),
        Effect.catchAllCause((cause) => Effect.logError("dropship reconciliation failed", cause))
      )
    )
  )
