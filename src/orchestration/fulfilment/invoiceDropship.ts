import { DateTime, Effect, Either, Option } from "effect"
import { type Dropship, invoiceKeyOf, shippedOf } from "../../domain/fulfilment/Dropship.js"
import { Invoiced } from "../../domain/fulfilment/DropshipEvents.js"
import { dropshipAudit } from "../../domain/fulfilment/DropshipIntents.js"
import { Fulfilled } from "../../domain/fulfilment/DropshipOutcomes.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { Shipment } from "../../domain/supply/Documents.js"
import { ReceivableId } from "../../domain/supply/Ids.js"
import { ReceivableDocument, ReceivableLine, totalOf } from "../../domain/supply/Receivable.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Receivables } from "../supply/Receivables.js"
import { applyDropshipEvent } from "./applyDropshipEvent.js"
import { CallbackTokens } from "./CallbackTokens.js"
import type { DropshipRef } from "./DropshipWorkflow.js"
import { findDropship } from "./findDropship.js"
import { workflowActor } from "./placePurchaseOrder.js"

const invoiceOf = (d: Dropship, id: ReceivableId, now: DateTime.Utc) => {
  const lines = [new ReceivableLine({ description: `${d.line.sku} (dropship ${d.purchaseOrderId})`, sku: d.line.sku, quantity: shippedOf(d), unitPrice: d.line.unitPrice })] as const
  return new ReceivableDocument({
    id,
    kind: "invoice",
    key: invoiceKeyOf(d.salesOrderId, d.lineNo),
    salesOrderId: d.salesOrderId,
    customerId: d.line.customerId,
    currency: d.line.currency,
    lines: [...lines],
    total: totalOf(d.line.currency, lines),
    issuedOn: dayOfMillis(DateTime.toEpochMillis(now))
  })
}

const fulfilled = (d: Dropship, invoiceId: ReceivableId) =>
  new Fulfilled({
    invoiceId,
    shipments: d.shipments.map((s) =>
      new Shipment({ lineNo: d.lineNo, quantity: s.quantity, shippedOn: s.shippedOn, carrier: s.carrier, trackingNumber: s.trackingNumber }))
  })

/**
 * Invoices the customer for the shipped line (once: the invoice's key is the line's) and closes
 * the dropship, in one unit of work. Run again, it finds the line fulfilled and answers the same.
 */
export const invoiceDropship = fn("Fulfilment.invoiceDropship")(function*(ref: DropshipRef) {
  const current = yield* findDropship(ref)
  if (current.state === "Fulfilled" && current.invoiceId !== undefined) return fulfilled(current, current.invoiceId)
  const id = ReceivableId.make(`INV-${yield* (yield* Ids).next}`)
  const now = yield* DateTime.now
  const issued = yield* (yield* Receivables).issue(ref.tenantId, invoiceOf(current, id, now))
  const closed = yield* applyDropshipEvent(ref, new Invoiced({ invoiceId: issued.document.id }), (_, after) =>
    Effect.gen(function*() {
      yield* (yield* CallbackTokens).revoke(ref, now)
      yield* (yield* AuditTrail).record(dropshipAudit("supply.dropship.invoice", workflowActor, after, "Fulfilled", { invoiceId: issued.document.id }))
      return Option.none<never>()
    }))
  if (Either.isLeft(closed)) return yield* Effect.die(new InvariantViolation({ message: `dropship ${ref.salesOrderId}/${ref.lineNo} could not close: ${closed.left._tag}` }))
  return fulfilled(closed.right, issued.document.id)
})
