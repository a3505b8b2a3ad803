import { DateTime, Effect, Either } from "effect"
import { settledState } from "../../domain/returns/Disposition.js"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { transition } from "../../domain/returns/RmaTransitions.js"
import { actorRef } from "../../domain/shared/Actor.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { changeRma, requireRma } from "./changeRma.js"
import { type RmaRun, workflowActor } from "./RmaWorkflow.js"

/**
 * Settles an inspected RMA whose remedy and stock movements are done (workflow step): it enters
 * `Refunded | Replaced | ReturnedToVendor | Scrapped` as its disposition and remedy say, then
 * `Closed`. Already there, nothing changes. Audited; the customer notified once closed.
 */
export const settleRma = fn("Returns.settle")(function*(run: RmaRun) {
  const now = yield* DateTime.now
  const [auditTrail, notifications] = yield* Effect.all([AuditTrail, Notifications])
  const actor = actorRef(workflowActor)
  const changed = yield* changeRma(
    run.tenantId,
    run.rmaId,
    (rma) => {
      if (rma.state === "Closed") return Effect.succeed(Either.right(rma))
      if (rma.inspection === undefined) return Effect.die(new InvariantViolation({ message: `RMA ${rma.id} settles uninspected` }))
      const settled = rma.state === "Inspected"
        ? transition(rma, { _tag: "Settle", at: now, actor, state: settledState(rma.inspection.disposition, rma.resolution) })
        : Either.right(rma)
      return Effect.succeed(Either.flatMap(settled, (s) => transition(s, { _tag: "Close", at: now, actor })))
    },
    (_, rma) =>
      Effect.zipRight(
        auditTrail.record(rmaAudit("returns.settle", workflowActor, run.tenantId, run.rmaId, "Closed", { details: { settled: rma.history.at(-2)?.state ?? "" } })),
        notifications.emit(customerNotice("returns.closed", run.tenantId, rma, { settled: rma.history.at(-2)?.state ?? "" }))
      )
  )
  return (yield* requireRma(changed, run.rmaId)).state
})
