import { Schema } from "effect"
import { Day } from "../supply/Calendar.js"
import { CustomerId, ReceivableId, SalesOrderId, Sku, VendorId, WarehouseId } from "../supply/Ids.js"
import { PositiveQuantity } from "../supply/MasterData.js"
import { CurrencyCode, MinorUnits, Money } from "../supply/Money.js"

/** An RMA's id (`RMA-…`), minted by the `Ids` port. */
export const RmaId = Schema.NonEmptyTrimmedString.pipe(
  Schema.maxLength(80),
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/),
  Schema.brand("RmaId")
)
export type RmaId = typeof RmaId.Type

/**
 * The life of a return merchandise authorisation: `Requested` → `Authorized` | `Rejected`;
 * `Authorized` → `Received` → `Inspected` → `Refunded` | `Replaced` | `ReturnedToVendor` |
 * `Scrapped` → `Closed`; `Authorized` → `Expired` when nothing arrives within the return window.
 */
export const RmaState = Schema.Literal(
  "Requested",
  "Authorized",
  "Rejected",
  "Received",
  "Inspected",
  "Refunded",
  "Replaced",
  "ReturnedToVendor",
  "Scrapped",
  "Expired",
  "Closed"
)
export type RmaState = typeof RmaState.Type

/** The states after inspection, one per disposition of the goods and remedy of the customer. */
export const SettledState = Schema.Literal("Refunded", "Replaced", "ReturnedToVendor", "Scrapped")
export type SettledState = typeof SettledState.Type

/** What the customer gets back: the money (a credit note) or the goods again (a replacement line). */
export const Resolution = Schema.Literal("refund", "replace")
export type Resolution = typeof Resolution.Type

/** What warehouse staff found on inspection. */
export const Condition = Schema.Literal("resellable", "damaged", "defective")
export type Condition = typeof Condition.Type

/** Where the returned goods go: back to stock, back to the vendor (warranty), or scrapped. */
export const Disposition = Schema.Literal("restock", "return-to-vendor", "scrap")
export type Disposition = typeof Disposition.Type

/** One rule an RMA request broke, with a machine code and a sentence for people. */
export class RejectionReason extends Schema.Class<RejectionReason>("RejectionReason")({
  rule: Schema.Literal("unknown-line", "outside-window", "not-returnable", "quantity", "reason-required"),
  message: Schema.String
}) {}

/** One step of an RMA's history: the state entered, when, by whom, and why when there is a note. */
export class RmaEvent extends Schema.Class<RmaEvent>("RmaEvent")({
  state: RmaState,
  at: Schema.DateTimeUtc,
  actor: Schema.String,
  note: Schema.optional(Schema.String)
}) {}

/** The goods as they arrived. */
export class RmaReceipt extends Schema.Class<RmaReceipt>("RmaReceipt")({
  warehouseId: WarehouseId,
  receivedOn: Day
}) {}

/** The inspection: the condition found and the disposition it led to (overridden with a reason, or by the rules). */
export class RmaInspection extends Schema.Class<RmaInspection>("RmaInspection")({
  condition: Condition,
  disposition: Disposition,
  ruled: Disposition,
  overrideReason: Schema.optional(Schema.String),
  inspectedOn: Day
}) {}

/** The customer's credit note for the return. */
export class RmaRefund extends Schema.Class<RmaRefund>("RmaRefund")({
  creditNoteId: ReceivableId,
  amount: Money
}) {}

/** The replacement: a new line of the sales order (dropship when its item ships from a dropshipping vendor). */
export class RmaReplacement extends Schema.Class<RmaReplacement>("RmaReplacement")({
  lineNo: Schema.Int.pipe(Schema.positive()),
  dropship: Schema.Boolean,
  vendorId: Schema.optional(VendorId)
}) {}

/**
 * A return merchandise authorisation for (part of) a sales-order line, with what the line was
 * sold at (the refund is exact: unit price × quantity in minor units), the outcome of each step
 * and its history. `version` increases with every change (compare-and-set).
 */
export class Rma extends Schema.Class<Rma>("Rma")({
  id: RmaId,
  salesOrderId: SalesOrderId,
  lineNo: Schema.Int.pipe(Schema.positive()),
  sku: Sku,
  quantity: PositiveQuantity,
  reason: Schema.String,
  resolution: Resolution,
  customerId: CustomerId,
  currency: CurrencyCode,
  unitPrice: MinorUnits,
  warehouseId: Schema.optional(WarehouseId),
  vendorId: Schema.optional(VendorId),
  deliveredOn: Schema.optional(Day),
  state: RmaState,
  rejection: Schema.Array(RejectionReason),
  receiveBy: Schema.optional(Schema.DateTimeUtc),
  receipt: Schema.optional(RmaReceipt),
  inspection: Schema.optional(RmaInspection),
  refund: Schema.optional(RmaRefund),
  replacement: Schema.optional(RmaReplacement),
  stockPosted: Schema.Boolean,
  requestedAt: Schema.DateTimeUtc,
  version: Schema.Int,
  history: Schema.Array(RmaEvent)
}) {}

/** The amount to refund for an RMA, exactly: the line's unit price × the returned quantity. */
export const refundAmount = (rma: Pick<Rma, "unitPrice" | "quantity" | "currency">): Money =>
  new Money({ amount: rma.unitPrice * rma.quantity, currency: rma.currency })

/** Whether an RMA still holds units of its line against later returns (every state but rejected or expired). */
export const holdsQuantity = (rma: Pick<Rma, "state">): boolean => rma.state !== "Rejected" && rma.state !== "Expired"
