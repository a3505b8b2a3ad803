import { Effect, Schema } from "effect"
import { Address, SalesOrder, SalesOrderLine, SalesOrderStatus, Shipment } from "../../domain/supply/Documents.js"
import { CustomerId, SalesOrderId, Sku, VendorId, WarehouseId } from "../../domain/supply/Ids.js"
import { DemandRecord } from "../../domain/supply/Ledger.js"
import { CurrencyCode } from "../../domain/supply/Money.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { DayColumn, FlagColumn, IntColumn, JsonColumn } from "./SqlSupplyRows.js"

/** Rows of the sales tables and their mapping to the domain. */

export const AddressJson = JsonColumn(Address)
export const ShipmentsJson = JsonColumn(Schema.Array(Shipment))

export const OrderRow = Schema.Struct({
  id: SalesOrderId,
  customer_id: CustomerId,
  customer_name: Schema.String,
  ship_to: AddressJson,
  status: SalesOrderStatus,
  currency: CurrencyCode,
  ordered_on: DayColumn,
  shipments: ShipmentsJson
})
export const LineRow = Schema.Struct({
  order_id: Schema.String,
  line_no: IntColumn,
  sku: Sku,
  quantity: IntColumn,
  unit_price: IntColumn,
  promised_on: DayColumn,
  dropship: FlagColumn,
  warehouse_id: Schema.NullOr(WarehouseId),
  vendor_id: Schema.NullOr(VendorId)
})
export const DemandRow = Schema.Struct({ sku: Sku, warehouse_id: WarehouseId, day: DayColumn, quantity: IntColumn })

export const toLine = (r: typeof LineRow.Type) =>
  new SalesOrderLine({
    lineNo: r.line_no,
    sku: r.sku,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    promisedOn: r.promised_on,
    dropship: r.dropship,
    ...(r.warehouse_id === null ? {} : { warehouseId: r.warehouse_id }),
    ...(r.vendor_id === null ? {} : { vendorId: r.vendor_id })
  })

export const toOrder = (r: typeof OrderRow.Type, lines: ReadonlyArray<SalesOrderLine>) =>
  Schema.decodeUnknown(SalesOrder.fields.lines)(lines).pipe(
    Effect.map((nonEmpty) =>
      new SalesOrder({
        id: r.id,
        customerId: r.customer_id,
        customerName: r.customer_name,
        shipTo: r.ship_to,
        status: r.status,
        currency: r.currency,
        orderedOn: r.ordered_on,
        lines: nonEmpty,
        shipments: r.shipments
      })
    )
  )

export const orderRow = (tenant: TenantId, o: SalesOrder, shipTo: string, shipments: string) => ({
  tenant_id: tenant,
  id: o.id,
  customer_id: o.customerId,
  customer_name: o.customerName,
  ship_to: shipTo,
  status: o.status,
  currency: o.currency,
  ordered_on: o.orderedOn,
  shipments
})

export const lineRow = (tenant: TenantId, orderId: SalesOrderId, l: SalesOrderLine) => ({
  tenant_id: tenant,
  order_id: orderId,
  line_no: l.lineNo,
  sku: l.sku,
  quantity: l.quantity,
  unit_price: l.unitPrice,
  promised_on: l.promisedOn,
  dropship: l.dropship ? 1 : 0,
  warehouse_id: l.warehouseId ?? null,
  vendor_id: l.vendorId ?? null
})

export const toDemand = (r: typeof DemandRow.Type) => new DemandRecord({ sku: r.sku, warehouseId: r.warehouse_id, day: r.day, quantity: r.quantity })
