import { Schema } from "effect"
import { Day } from "../supply/Calendar.js"
import { Shipment } from "../supply/Documents.js"
import { PositiveQuantity } from "../supply/MasterData.js"
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

const Text = (max: number) => Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(max))

/** A vendor's shipment confirmation: carrier, tracking number, the quantity shipped (and the day, today by default). */
export class ShipmentConfirmation extends Schema.Class<ShipmentConfirmation>("ShipmentConfirmation")({
  carrier: Text(100),
  trackingNumber: Text(100),
  quantity: PositiveQuantity,
  shippedOn: Schema.optional(Day)
}) {}

/** A vendor's refusal of the purchase order, with its reason. */
export class RejectionNotice extends Schema.Class<RejectionNotice>("RejectionNotice")({
  rejected: Schema.Struct({ reason: Text(500) })
}) {}

/** What a vendor may post to its callback. */
export const VendorCallback = Schema.Union(ShipmentConfirmation, RejectionNotice)
export type VendorCallback = typeof VendorCallback.Type
