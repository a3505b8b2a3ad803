import { Effect } from "effect"
import { fn } from "../shared/Fn.js"
import { signalDropship, DropshipWorkflow } from "./DropshipWorkflow.js"
import { Dropships } from "./Dropships.js"

/**
 * Wakes every unsettled dropship, as the service starts: starts its workflow again (harmless when
 * it runs: one execution per line), which covers a crash between storing the record and starting
 * the workflow; and completes its latest signal again (the engine keeps the first completion),
 * which covers a crash between a callback's commit and its signal. Returns how many it looked at.
 */
export const reconcileDropships = fn("Fulfilment.reconcileDropships")(function*(batch: number) {
  const unsettled = yield* (yield* Dropships).unsettled(batch)
  yield* Effect.forEach(unsettled, (d) => {
    const ref = { tenantId: d.tenantId, salesOrderId: d.salesOrderId, lineNo: d.lineNo }
    return Effect.zipRight(DropshipWorkflow.execute(ref, { discard: true }), d.signals > 0 ? signalDropship(ref, d.signals) : Effect.void)
  }, { discard: true })
  return unsettled.length
})
