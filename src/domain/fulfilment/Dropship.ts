import { type Option, Schema } from "effect"
import { Day } from "../supply/Calendar.js"
import { Address } from "../supply/Documents.js"
import { CustomerId, PurchaseOrderId, ReceivableId, SalesOrderId, Sku, VendorId } from "../supply/Ids.js"
import { PositiveQuantity } from "../supply/MasterData.js"
import { CurrencyCode, MinorUnits, Money } from "../supply/Money.js"
import { TenantId } from "../shared/Ids.js"

/** The sales order line a dropship fulfils: one fulfilment per line. */
export const LineNo = Schema.Int.pipe(Schema.positive())

/**
 * Where a dropship stands. `Placing` (started, the purchase order not yet sent) → `AwaitingVendor`
 * (ordered, the vendor told) → `PartiallyShipped` → `Shipped` (all of it, not yet invoiced) →
 * `Fulfilled` (invoiced, closed); or `Cancelled` (before any shipment), `VendorRejected`.
 */
export const DropshipState = Schema.Literal("Placing", "AwaitingVendor", "PartiallyShipped", "Shipped", "Fulfilled", "Cancelled", "VendorRejected")
export type DropshipState = typeof DropshipState.Type

/** How late the vendor is: `none`; `overdue` (its promised lead time passed: operations told); `atRisk` (the customer told). */
export const Escalation = Schema.Literal("none", "overdue", "atRisk")
export type Escalation = typeof Escalation.Type

const Text = (max: number) => Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(max))

/** A shipment the vendor confirmed: how many, by which carrier, under which tracking number. */
export class DropshipShipment extends Schema.Class<DropshipShipment>("DropshipShipment")({
  quantity: PositiveQuantity,
  carrier: Text(100),
  trackingNumber: Text(100),
  shippedOn: Day
}) {}

/** When the vendor is late: `overdueAt` its promised lead time after ordering, `atRiskAt` the second deadline. */
export class Deadlines extends Schema.Class<Deadlines>("Deadlines")({
  overdueAt: Schema.DateTimeUtc,
  atRiskAt: Schema.DateTimeUtc
}) {}

/** One step of a dropship's history: what happened, when, and a word about it. */
export class HistoryEntry extends Schema.Class<HistoryEntry>("HistoryEntry")({
  at: Schema.DateTimeUtc,
  event: Schema.String,
  note: Schema.optional(Schema.String)
}) {}

/** What the dropship delivers: the line's item and quantity, sold at the line's price (in `currency`), bought from the vendor at `unitCost`. */
export class DropshipLine extends Schema.Class<DropshipLine>("DropshipLine")({
  sku: Sku,
  quantity: PositiveQuantity,
  unitPrice: MinorUnits,
  currency: CurrencyCode,
  unitCost: Money,
  vendorId: VendorId,
  customerId: CustomerId,
  shipTo: Address,
  /** The vendor's promised lead time, and what it and the second deadline come to in milliseconds (`EscalationPolicy`). */
  leadTimeDays: Schema.Int.pipe(Schema.nonNegative()),
  overdueAfterMillis: Schema.Int.pipe(Schema.nonNegative()),
  atRiskAfterMillis: Schema.Int.pipe(Schema.nonNegative())
}) {}

/**
 * The fulfilment record of a dropship line: its state machine's state, the escalation reached,
 * the deadlines, the shipments confirmed so far, the invoice, and its history. `signals` counts
 * the outside events recorded (confirmations, rejection, cancellation): the workflow waits for
 * the next one. `version` advances with every change (compare-and-set).
 */
export class Dropship extends Schema.Class<Dropship>("Dropship")({
  tenantId: TenantId,
  salesOrderId: SalesOrderId,
  lineNo: LineNo,
  purchaseOrderId: PurchaseOrderId,
  line: DropshipLine,
  state: DropshipState,
  escalation: Escalation,
  deadlines: Schema.optional(Deadlines),
  shipments: Schema.Array(DropshipShipment),
  signals: Schema.Int.pipe(Schema.nonNegative()),
  invoiceId: Schema.optional(ReceivableId),
  reason: Schema.optional(Schema.String),
  history: Schema.Array(HistoryEntry),
  createdAt: Schema.DateTimeUtc,
  updatedAt: Schema.DateTimeUtc,
  version: Schema.Int.pipe(Schema.nonNegative())
}) {}

/** The quantity shipped so far. */
export const shippedOf = (dropship: Dropship): number => dropship.shipments.reduce((total, s) => total + s.quantity, 0)

/** The quantity still to ship. */
export const remainingOf = (dropship: Dropship): number => Math.max(0, dropship.line.quantity - shippedOf(dropship))

/** States in which nothing more happens. */
export const isClosed = (state: DropshipState): boolean => state === "Fulfilled" || state === "Cancelled" || state === "VendorRejected"

/** States in which the vendor's confirmation is awaited (and the escalation timers run). */
export const isAwaiting = (state: DropshipState): boolean => state === "AwaitingVendor" || state === "PartiallyShipped"

/** The purchase order of a dropship line: one per line, named after it (none when the name would be too long). */
export const purchaseOrderIdOf = (salesOrderId: SalesOrderId, lineNo: number): Option.Option<PurchaseOrderId> =>
  Schema.decodeOption(PurchaseOrderId)(`DS-${salesOrderId}-${lineNo}`)

/** The idempotency key of the line's invoice at `Receivables`. */
export const invoiceKeyOf = (salesOrderId: SalesOrderId, lineNo: number): string => `dropship:${salesOrderId}/${lineNo}:invoice`
