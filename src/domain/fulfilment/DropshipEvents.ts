import { Schema } from "effect"
import { ReceivableId } from "../supply/Ids.js"
import { Deadlines, DropshipShipment } from "./Dropship.js"

/** The purchase order went to the vendor, with the customer as ship-to; the deadlines start. */
export class PurchaseOrderPlaced extends Schema.TaggedClass<PurchaseOrderPlaced>()("PurchaseOrderPlaced", { deadlines: Deadlines }) {}

/** The vendor confirmed a shipment (all of the line, or part of it). */
export class ShipmentConfirmed extends Schema.TaggedClass<ShipmentConfirmed>()("ShipmentConfirmed", { shipment: DropshipShipment }) {}

/** The vendor refused the order. */
export class VendorRejection extends Schema.TaggedClass<VendorRejection>()("VendorRejection", { reason: Schema.String }) {}

/** A deadline passed without the full confirmation: `overdue` first, `atRisk` second. */
export class DeadlinePassed extends Schema.TaggedClass<DeadlinePassed>()("DeadlinePassed", { level: Schema.Literal("overdue", "atRisk") }) {}

/** A tenant user cancelled the dropship. */
export class CancellationRequested extends Schema.TaggedClass<CancellationRequested>()("CancellationRequested", { reason: Schema.String }) {}

/** The customer was invoiced for the shipped line. */
export class Invoiced extends Schema.TaggedClass<Invoiced>()("Invoiced", { invoiceId: ReceivableId }) {}

export const DropshipEvent = Schema.Union(PurchaseOrderPlaced, ShipmentConfirmed, VendorRejection, DeadlinePassed, CancellationRequested, Invoiced)
export type DropshipEvent = typeof DropshipEvent.Type
