import { Effect, Layer } from "effect"
import { reconcileRmas } from "../../orchestration/returns/reconcileRmas.js"

/**
 * Wakes RMAs whose workflow waits once, as the layer starts (in the background): their workflows
 * are started again and the signals their states imply completed again, both harmless when
 * nothing was lost. A failure is logged; the next start tries again.
 */
export const layer = (batch = 10_000) =>
  Layer.scopedDiscard(
    Effect.forkScoped(
      reconcileRmas(batch).pipe(
        Effect.tap((count) => (count > 0 ? Effect.logInfo("RMAs reconciled").pipe(Effect.annotateLogs({ count })) : Effect.void)),
        Effect.catchAllCause((cause) => Effect.logError("RMA reconciliation failed", cause))
      )
    )
  )
