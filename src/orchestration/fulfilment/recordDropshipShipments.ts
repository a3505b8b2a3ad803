import { Effect } from "effect"
import { Shipment } from "../../domain/supply/Documents.js"
import { fn } from "../shared/Fn.js"
import { Sales } from "../supply/Sales.js"
import type { DropshipRef } from "./DropshipWorkflow.js"
import { findDropship } from "./findDropship.js"

/** Records the line's confirmed shipments on its sales order (each once: the port ignores one already there). */
export const recordDropshipShipments = fn("Fulfilment.recordDropshipShipments")(function*(ref: DropshipRef) {
  const dropship = yield* findDropship(ref)
  const sales = yield* Sales
  yield* Effect.forEach(dropship.shipments, (s) =>
    sales.recordShipment(
      ref.tenantId,
      ref.salesOrderId,
      new Shipment({ lineNo: ref.lineNo, quantity: s.quantity, shippedOn: s.shippedOn, carrier: s.carrier, trackingNumber: s.trackingNumber })
    ), { discard: true })
})
