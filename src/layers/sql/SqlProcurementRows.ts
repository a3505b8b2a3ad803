import { Effect, Schema } from "effect"
import { PurchaseOrder, PurchaseOrderLine, PurchaseOrderOrigin, PurchaseOrderStatus } from "../../domain/supply/Documents.js"
import { PurchaseOrderId, Sku, VendorId } from "../../domain/supply/Ids.js"
import { SupplyTerms, Vendor } from "../../domain/supply/MasterData.js"
import { CurrencyCode, Money } from "../../domain/supply/Money.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { SqlNumber } from "./SqlErrors.js"
import { DayColumn, FlagColumn, IntColumn, JsonColumn, OptionalIntColumn } from "./SqlSupplyRows.js"

/** Rows of the procurement tables and their mapping to the domain. */

export const VendorRow = Schema.Struct({
  id: VendorId,
  name: Schema.String,
  lead_time_days: IntColumn,
  lead_time_std_dev_days: SqlNumber,
  dropships: FlagColumn
})
export const toVendor = (r: typeof VendorRow.Type) =>
  new Vendor({ id: r.id, name: r.name, leadTimeDays: r.lead_time_days, leadTimeStdDevDays: r.lead_time_std_dev_days, dropships: r.dropships })
export const vendorRow = (tenant: TenantId, v: Vendor) => ({
  tenant_id: tenant,
  id: v.id,
  name: v.name,
  lead_time_days: v.leadTimeDays,
  lead_time_std_dev_days: v.leadTimeStdDevDays,
  dropships: v.dropships ? 1 : 0
})

export const TermsRow = Schema.Struct({
  sku: Sku,
  vendor_id: VendorId,
  unit_price: IntColumn,
  currency: CurrencyCode,
  minimum_order_quantity: IntColumn,
  lead_time_days: OptionalIntColumn,
  priority: IntColumn
})
export const toTerms = (r: typeof TermsRow.Type) =>
  new SupplyTerms({
    sku: r.sku,
    vendorId: r.vendor_id,
    unitPrice: new Money({ amount: r.unit_price, currency: r.currency }),
    minimumOrderQuantity: r.minimum_order_quantity,
    priority: r.priority,
    ...(r.lead_time_days === null ? {} : { leadTimeDays: r.lead_time_days })
  })
export const termsRow = (tenant: TenantId, t: SupplyTerms) => ({
  tenant_id: tenant,
  sku: t.sku,
  vendor_id: t.vendorId,
  unit_price: t.unitPrice.amount,
  currency: t.unitPrice.currency,
  minimum_order_quantity: t.minimumOrderQuantity,
  lead_time_days: t.leadTimeDays ?? null,
  priority: t.priority
})

export const OrderRow = Schema.Struct({
  id: PurchaseOrderId,
  vendor_id: VendorId,
  destination: JsonColumn(PurchaseOrder.fields.destination),
  status: PurchaseOrderStatus,
  origin: PurchaseOrderOrigin,
  currency: CurrencyCode,
  ordered_on: DayColumn
})
export const LineRow = Schema.Struct({
  order_id: Schema.String,
  line_no: IntColumn,
  sku: Sku,
  quantity: IntColumn,
  received_quantity: IntColumn,
  unit_price: IntColumn,
  expected_on: DayColumn
})
export const toLine = (r: typeof LineRow.Type) =>
  new PurchaseOrderLine({ lineNo: r.line_no, sku: r.sku, quantity: r.quantity, receivedQuantity: r.received_quantity, unitPrice: r.unit_price, expectedOn: r.expected_on })
export const toOrder = (r: typeof OrderRow.Type, lines: ReadonlyArray<PurchaseOrderLine>) =>
  Schema.decodeUnknown(PurchaseOrder.fields.lines)(lines).pipe(
    Effect.map((nonEmpty) =>
      new PurchaseOrder({
        id: r.id,
        vendorId: r.vendor_id,
        destination: r.destination,
        status: r.status,
        origin: r.origin,
        currency: r.currency,
        orderedOn: r.ordered_on,
        lines: nonEmpty
      })
    )
  )
export const orderRow = (tenant: TenantId, o: PurchaseOrder, destination: string) => ({
  tenant_id: tenant,
  id: o.id,
  vendor_id: o.vendorId,
  warehouse_id: o.destination._tag === "ToWarehouse" ? o.destination.warehouseId : null,
  destination,
  status: o.status,
  origin: o.origin,
  currency: o.currency,
  ordered_on: o.orderedOn
})
export const lineRow = (tenant: TenantId, orderId: PurchaseOrderId, l: PurchaseOrderLine) => ({
  tenant_id: tenant,
  order_id: orderId,
  line_no: l.lineNo,
  sku: l.sku,
  quantity: l.quantity,
  received_quantity: l.receivedQuantity,
  unit_price: l.unitPrice,
  expected_on: l.expectedOn
})
