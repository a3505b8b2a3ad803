import { DateTime, Effect, Either, Option } from "effect"
import { SystemActor } from "../../domain/shared/Actor.js"
import type { Dropship } from "../../domain/fulfilment/Dropship.js"
import { PurchaseOrderPlaced } from "../../domain/fulfilment/DropshipEvents.js"
import { dropshipAudit, purchaseOrderToVendor } from "../../domain/fulfilment/DropshipIntents.js"
import { deadlinesOf } from "../../domain/fulfilment/Escalation.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { PurchaseOrder, PurchaseOrderLine, ToCustomer } from "../../domain/supply/Documents.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Procurement } from "../supply/Procurement.js"
import { applyDropshipEvent } from "./applyDropshipEvent.js"
import { CallbackTokens } from "./CallbackTokens.js"
import type { DropshipRef } from "./DropshipWorkflow.js"
import { findDropship } from "./findDropship.js"

export const workflowActor = new SystemActor({ component: "dropship-workflow" })

/** The purchase order of a dropship line: to its vendor, shipping to the customer, confirmed on sending. */
const purchaseOrderOf = (d: Dropship, placedAt: DateTime.Utc) => {
  const today = dayOfMillis(DateTime.toEpochMillis(placedAt))
  return new PurchaseOrder({
    id: d.purchaseOrderId,
    vendorId: d.line.vendorId,
    destination: new ToCustomer({ customerId: d.line.customerId, address: d.line.shipTo, salesOrderId: d.salesOrderId, salesOrderLine: d.lineNo }),
    status: "confirmed",
    origin: "dropship",
    currency: d.line.unitCost.currency,
    orderedOn: today,
    lines: [
      new PurchaseOrderLine({
        lineNo: 1,
        sku: d.line.sku,
        quantity: d.line.quantity,
        receivedQuantity: 0,
        unitPrice: d.line.unitCost.amount,
        expectedOn: dayOfMillis(DateTime.toEpochMillis(placedAt) + d.line.overdueAfterMillis)
      })
    ]
  })
}

/**
 * The workflow's first step: places the purchase order with the vendor (the customer as ship-to),
 * starts the deadlines, issues the callback token and tells the vendor, in one unit of work.
 * Run again, it finds the line placed (or cancelled meanwhile) and returns the record as it is.
 */
export const placePurchaseOrder = fn("Fulfilment.placePurchaseOrder")(function*(ref: DropshipRef) {
  const current = yield* findDropship(ref)
  if (current.state !== "Placing") return current
  const placed = yield* applyDropshipEvent(ref, (at) => new PurchaseOrderPlaced({ deadlines: deadlinesOf(at, current.line) }), (_, after) =>
    Effect.gen(function*() {
      const now = after.updatedAt
      yield* (yield* Procurement).putPurchaseOrders(ref.tenantId, [purchaseOrderOf(after, now)])
      const token = yield* (yield* CallbackTokens).issue(ref, now)
      yield* (yield* Notifications).emit(purchaseOrderToVendor(after, after.line.shipTo, token))
      yield* (yield* AuditTrail).record(dropshipAudit("supply.dropship.place", workflowActor, after, "PurchaseOrderPlaced"))
      return Option.none<never>()
    }))
  return Either.isRight(placed) ? placed.right : yield* findDropship(ref)
})
