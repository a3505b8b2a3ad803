import { DateTime, Effect, Either, Option } from "effect"
import { type Rma, RmaReplacement } from "../../domain/returns/Rma.js"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { withReplacementLine } from "../../domain/returns/Remedies.js"
import { recordStep } from "../../domain/returns/RmaTransitions.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { preferredTerms } from "../../domain/supply/MasterData.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { beginDropship } from "../fulfilment/startDropship.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Procurement } from "../supply/Procurement.js"
import { Sales } from "../supply/Sales.js"
import { changeRma, requireRma } from "./changeRma.js"
import { type RmaRun, workflowActor } from "./RmaWorkflow.js"

/**
 * Replaces the goods of an inspected RMA (workflow step) — the one place a replacement line is
 * created: a new line on the RMA's sales order, same item and quantity at no charge, flagged
 * dropship when the item's preferred vendor dropships (its fulfilment then belongs to the
 * dropship workflow). The line and the RMA change in one unit of work, and an RMA that has its
 * replacement already gets no second one. Audited; the customer notified.
 */
export const replaceRma = fn("Returns.replace")(function*(run: RmaRun) {
  const [sales, procurement] = yield* Effect.all([Sales, Procurement])
  const today = dayOfMillis(DateTime.toEpochMillis(yield* DateTime.now))
  const [auditTrail, notifications] = yield* Effect.all([AuditTrail, Notifications])
  const changed = yield* changeRma(
    run.tenantId,
    run.rmaId,
    (rma) =>
      rma.replacement !== undefined
        ? Effect.succeed(Either.right(rma))
        : Effect.gen(function*() {
          const order = yield* sales.salesOrder(run.tenantId, rma.salesOrderId)
          if (Option.isNone(order)) return yield* Effect.die(new InvariantViolation({ message: `RMA ${rma.id}: sales order ${rma.salesOrderId} is gone` }))
          const preferred = preferredTerms(yield* procurement.terms(run.tenantId, [rma.sku]))
          const vendor = preferred === undefined ? undefined : (yield* procurement.vendors(run.tenantId, [preferred.vendorId]))[0]
          const replaced = withReplacementLine(order.value, rma, vendor, today)
          yield* sales.putSalesOrders(run.tenantId, [replaced.order])
          const { dropship, lineNo, vendorId } = replaced.line
          return Either.right(recordStep(rma, { replacement: new RmaReplacement({ lineNo, dropship, ...(vendorId === undefined ? {} : { vendorId }) }) }))
        }),
    (_, rma) =>
      Effect.zipRight(
        auditTrail.record(rmaAudit("returns.replace", workflowActor, run.tenantId, run.rmaId, "ReplacementOrdered", { details: { line: rma.replacement?.lineNo ?? 0, dropship: rma.replacement?.dropship ?? false } })),
        notifications.emit(customerNotice("returns.replaced", run.tenantId, rma, { replacementLine: rma.replacement?.lineNo ?? 0 }))
      )
  )
  return (yield* requireRma(changed, run.rmaId)).replacement
})

/**
 * Starts the durable dropship fulfilment of a replacement line flagged dropship (workflow step
 * after `replaceRma`): the vendor ships the replacement straight to the customer, with the same
 * purchase order, callbacks and escalations as any dropship line. Idempotent per line. Answers
 * the outcome's tag (`DropshipStarted`, or why the line could not be opened, which the dropship
 * record then lacks and an operator sees on the order).
 */
export const fulfilReplacement = fn("Returns.fulfilReplacement")(function*(run: RmaRun, rma: Rma, replacement: RmaReplacement) {
  const outcome = yield* beginDropship(workflowActor, { tenantId: run.tenantId, salesOrderId: rma.salesOrderId, lineNo: replacement.lineNo })
  return outcome._tag
})
