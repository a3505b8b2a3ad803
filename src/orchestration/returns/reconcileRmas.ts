import { Effect } from "effect"
import { fn } from "../shared/Fn.js"
import { Rmas } from "./Rmas.js"
import { Arrived, Inspected, RmaWorkflow, runOf, wake } from "./RmaWorkflow.js"

/**
 * Wakes every RMA whose workflow should be waiting, as the service starts: starts its workflow
 * again (harmless when it runs: one execution per RMA), which covers a crash between the
 * authorisation's commit and the workflow's start — the window's timer then runs, and an RMA whose
 * goods never come expires; and repeats the signal its state implies (the engine keeps the first
 * completion), which covers a crash between a receipt's or an inspection's commit and its signal.
 * Returns how many it looked at.
 */
export const reconcileRmas = fn("Returns.reconcileRmas")(function*(batch: number) {
  const awaiting = yield* (yield* Rmas).awaiting(batch)
  yield* Effect.forEach(awaiting, ({ rma, tenantId }) =>
    Effect.gen(function*() {
      yield* RmaWorkflow.execute(runOf(tenantId, rma), { discard: true })
      if (rma.state === "Received" || rma.state === "Inspected") yield* wake(tenantId, rma.id, Arrived)
      if (rma.state === "Inspected") yield* wake(tenantId, rma.id, Inspected)
    }), { discard: true })
  return awaiting.length
})
