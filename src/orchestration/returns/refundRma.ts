import { DateTime, Effect, Either } from "effect"
import { RmaRefund } from "../../domain/returns/Rma.js"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { creditNote } from "../../domain/returns/Remedies.js"
import { recordStep } from "../../domain/returns/RmaTransitions.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Receivables } from "../supply/Receivables.js"
import { changeRma, requireRma } from "./changeRma.js"
import { type RmaRun, workflowActor } from "./RmaWorkflow.js"

/**
 * Refunds an inspected RMA (workflow step): issues its credit note through `Receivables` under
 * the RMA's idempotency key (`rma:<id>:refund`), exact money, crediting the order's first
 * invoice, and records it on the RMA. Run again — after a crash, or a retry — it finds the same
 * credit note and issues no second one. Audited; the customer notified.
 */
export const refundRma = fn("Returns.refund")(function*(run: RmaRun) {
  const receivables = yield* Receivables
  const today = dayOfMillis(DateTime.toEpochMillis(yield* DateTime.now))
  const [auditTrail, notifications] = yield* Effect.all([AuditTrail, Notifications])
  const changed = yield* changeRma(
    run.tenantId,
    run.rmaId,
    (rma) =>
      rma.refund !== undefined
        ? Effect.succeed(Either.right(rma))
        : Effect.gen(function*() {
          const invoice = (yield* receivables.forSalesOrder(run.tenantId, rma.salesOrderId)).find((d) => d.kind === "invoice")
          const issued = yield* receivables.issue(run.tenantId, creditNote(rma, today, invoice?.id))
          return Either.right(recordStep(rma, { refund: new RmaRefund({ creditNoteId: issued.document.id, amount: issued.document.total }) }))
        }),
    (_, rma) =>
      Effect.zipRight(
        auditTrail.record(rmaAudit("returns.refund", workflowActor, run.tenantId, run.rmaId, "CreditNoteIssued", { details: { creditNote: rma.refund?.creditNoteId ?? "", amount: rma.refund?.amount.amount ?? 0, currency: rma.currency } })),
        notifications.emit(customerNotice("returns.refunded", run.tenantId, rma, { creditNote: rma.refund?.creditNoteId ?? "", amount: rma.refund?.amount.amount ?? 0, currency: rma.currency }))
      )
  )
  return (yield* requireRma(changed, run.rmaId)).refund
})
