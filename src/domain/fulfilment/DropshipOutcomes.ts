import { Schema } from "effect"
import { Shipment } from "../supply/Documents.js"
import { PurchaseOrderId, ReceivableId } from "../supply/Ids.js"
import { Dropship } from "./Dropship.js"

/** The line was fully shipped, recorded on the sales order and invoiced: the dropship is closed. */
export class Fulfilled extends Schema.TaggedClass<Fulfilled>()("Fulfilled", {
  shipments: Schema.Array(Shipment),
  invoiceId: ReceivableId
}) {}

/** The dropship was cancelled before any shipment: the purchase order is cancelled and the vendor told. */
export class Cancelled extends Schema.TaggedClass<Cancelled>()("Cancelled", { reason: Schema.String }) {}

/** The vendor refused the order: the purchase order is cancelled and operations told. */
export class VendorRejected extends Schema.TaggedClass<VendorRejected>()("VendorRejected", { reason: Schema.String }) {}

/** How a dropship workflow ends. */
export const DropshipOutcome = Schema.Union(Fulfilled, Cancelled, VendorRejected)
export type DropshipOutcome = typeof DropshipOutcome.Type

/** The dropship's workflow runs (started now, or earlier: starting is idempotent per line). */
export class DropshipStarted extends Schema.TaggedClass<DropshipStarted>()("DropshipStarted", {
  dropship: Dropship,
  created: Schema.Boolean
}) {}

/** The line cannot be dropshipped (not flagged dropship, no vendor that dropships, no supply terms, order closed). */
export class NotDropshippable extends Schema.TaggedClass<NotDropshippable>()("NotDropshippable", { reason: Schema.String }) {}

/** A dropship's fulfilment status: state, escalation and deadlines, shipments, invoice, history. */
export class DropshipStatus extends Schema.TaggedClass<DropshipStatus>()("DropshipStatus", { dropship: Dropship }) {}

export class DropshipList extends Schema.TaggedClass<DropshipList>()("DropshipList", { dropships: Schema.Array(Dropship) }) {}

/**
 * A shipment confirmation was recorded. While some of the line is still to ship, `nextToken`
 * is the new single-use callback secret for the rest (also sent to the vendor); the token used
 * is spent.
 */
export class ShipmentRecorded extends Schema.TaggedClass<ShipmentRecorded>()("ShipmentRecorded", {
  purchaseOrderId: PurchaseOrderId,
  shipped: Schema.Int,
  remaining: Schema.Int,
  nextToken: Schema.optional(Schema.Redacted(Schema.String))
}) {}

/** The vendor's refusal was recorded. */
export class RejectionRecorded extends Schema.TaggedClass<RejectionRecorded>()("RejectionRecorded", { purchaseOrderId: PurchaseOrderId }) {}

/** No live callback token matches (unknown, already used, or revoked): nothing changed. */
export class UnknownCallbackToken extends Schema.TaggedClass<UnknownCallbackToken>()("UnknownCallbackToken", {}) {}
