import { Schema } from "effect"
import { Day } from "./Calendar.js"
import { CustomerId, PurchaseOrderId, ReceiptId, SalesOrderId, Sku, VendorId, WarehouseId } from "./Ids.js"
import { CurrencyCode, MinorUnits } from "./Money.js"
import { PositiveQuantity, Quantity } from "./MasterData.js"

const Text = (max: number) => Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(max))
const LineNo = Schema.Int.pipe(Schema.positive())

/** A postal address (the ship-to of a sales order, or of a dropship purchase order). */
export class Address extends Schema.Class<Address>("Address")({
  name: Text(200),
  line1: Text(200),
  line2: Schema.optional(Text(200)),
  city: Text(100),
  postalCode: Text(20),
  country: Schema.String.pipe(Schema.pattern(/^[A-Z]{2}$/))
}) {}

/** A purchase order delivers into one of the tenant's warehouses ... */
export class ToWarehouse extends Schema.TaggedClass<ToWarehouse>()("ToWarehouse", { warehouseId: WarehouseId }) {}
/** ... or, dropshipped, straight to a customer of a sales order line. */
export class ToCustomer extends Schema.TaggedClass<ToCustomer>()("ToCustomer", {
  customerId: CustomerId,
  address: Address,
  salesOrderId: SalesOrderId,
  salesOrderLine: LineNo
}) {}
export const Destination = Schema.Union(ToWarehouse, ToCustomer)
export type Destination = typeof Destination.Type

/** `draft` (a request for quotation: planned, not yet sent) → `confirmed` → `received`; or `cancelled`. */
export const PurchaseOrderStatus = Schema.Literal("draft", "confirmed", "received", "cancelled")
export type PurchaseOrderStatus = typeof PurchaseOrderStatus.Type

export class PurchaseOrderLine extends Schema.Class<PurchaseOrderLine>("PurchaseOrderLine")({
  lineNo: LineNo,
  sku: Sku,
  quantity: PositiveQuantity,
  receivedQuantity: Quantity,
  unitPrice: MinorUnits,
  expectedOn: Day
}) {}

/** Where a purchase order came from: loaded, approved from replenishment suggestions, or a dropship line. */
export const PurchaseOrderOrigin = Schema.Literal("import", "replenishment", "dropship")

export class PurchaseOrder extends Schema.Class<PurchaseOrder>("PurchaseOrder")({
  id: PurchaseOrderId,
  vendorId: VendorId,
  destination: Destination,
  status: PurchaseOrderStatus,
  origin: PurchaseOrderOrigin,
  currency: CurrencyCode,
  orderedOn: Day,
  lines: Schema.NonEmptyArray(PurchaseOrderLine)
}) {}

/** The quantity of a line still to be received (nothing for a cancelled or fully received order). */
export const openQuantity = (order: PurchaseOrder, line: PurchaseOrderLine): number =>
  order.status === "cancelled" || order.status === "received" ? 0 : Math.max(0, line.quantity - line.receivedQuantity)

export const SalesOrderStatus = Schema.Literal("open", "closed", "cancelled")
export type SalesOrderStatus = typeof SalesOrderStatus.Type

/**
 * A sales order line. A stock line ships from `warehouseId`; a `dropship` line is shipped by
 * `vendorId` straight to the customer and never touches the tenant's stock.
 */
export class SalesOrderLine extends Schema.Class<SalesOrderLine>("SalesOrderLine")({
  lineNo: LineNo,
  sku: Sku,
  quantity: PositiveQuantity,
  unitPrice: MinorUnits,
  promisedOn: Day,
  dropship: Schema.Boolean,
  warehouseId: Schema.optional(WarehouseId),
  vendorId: Schema.optional(VendorId)
}) {}

/** A shipment of (part of) a line: from a warehouse, or by the vendor for a dropship line. */
export class Shipment extends Schema.Class<Shipment>("Shipment")({
  lineNo: LineNo,
  quantity: PositiveQuantity,
  shippedOn: Day,
  carrier: Schema.optional(Text(100)),
  trackingNumber: Schema.optional(Text(100)),
  deliveredOn: Schema.optional(Day)
}) {}

/** Whether two shipments are the same one of a line: same carrier and tracking number. */
export const sameShipment = (a: Shipment, b: Shipment): boolean =>
  a.lineNo === b.lineNo && a.carrier === b.carrier && a.trackingNumber === b.trackingNumber

export class SalesOrder extends Schema.Class<SalesOrder>("SalesOrder")({
  id: SalesOrderId,
  customerId: CustomerId,
  customerName: Text(200),
  shipTo: Address,
  status: SalesOrderStatus,
  currency: CurrencyCode,
  orderedOn: Day,
  lines: Schema.NonEmptyArray(SalesOrderLine),
  shipments: Schema.Array(Shipment)
}) {}

export const shippedQuantity = (order: SalesOrder, lineNo: number): number =>
  order.shipments.reduce((total, s) => (s.lineNo === lineNo ? total + s.quantity : total), 0)

/** What a stock line still commits from its warehouse (nothing for dropship lines or closed orders). */
export const committedQuantity = (order: SalesOrder, line: SalesOrderLine): number =>
  order.status !== "open" || line.dropship ? 0 : Math.max(0, line.quantity - shippedQuantity(order, line.lineNo))

/** A line of a posted goods receipt: quantity at a unit cost, with its total weight and volume. */
export class ReceiptLine extends Schema.Class<ReceiptLine>("ReceiptLine")({
  lineNo: LineNo,
  sku: Sku,
  quantity: PositiveQuantity,
  unitCost: MinorUnits.pipe(Schema.nonNegative()),
  weightGrams: Quantity,
  volumeCm3: Quantity,
  purchaseOrderLine: Schema.optional(LineNo)
}) {}

/** A posted goods receipt into a warehouse, against a purchase order or not. */
export class Receipt extends Schema.Class<Receipt>("Receipt")({
  id: ReceiptId,
  warehouseId: WarehouseId,
  vendorId: VendorId,
  purchaseOrderId: Schema.optional(PurchaseOrderId),
  currency: CurrencyCode,
  receivedOn: Day,
  lines: Schema.NonEmptyArray(ReceiptLine)
}) {}
