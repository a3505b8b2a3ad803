import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Layer, Option, Schema } from "effect"
import { PurchaseOrder, Receipt } from "../../domain/supply/Documents.js"
import type { PurchaseOrderId } from "../../domain/supply/Ids.js"
import { DocumentAllocation } from "../../domain/supply/LandedCost.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { mapErrors } from "./SqlErrors.js"
import { byCode, decodeRows, inBatches, ordersWithLines, JsonColumn } from "./SqlSupplyRows.js"
import * as Rows from "./SqlProcurementRows.js"

const ReceiptJson = JsonColumn(Receipt)
const AllocationJson = JsonColumn(DocumentAllocation)
const DestinationJson = JsonColumn(PurchaseOrder.fields.destination)

const orderTables = {
  orders: "baton_supply_purchase_orders",
  lines: "baton_supply_purchase_order_lines",
  header: Rows.OrderRow,
  line: Rows.LineRow
}

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const within = (column: string, values: ReadonlyArray<string> | undefined) => (values === undefined ? sql.literal("1=1") : sql.in(column, values))

  const ordersWhere = (tenant: string, filter: Parameters<Procurement["Type"]["purchaseOrders"]>[1] & { readonly id?: PurchaseOrderId }) =>
    sql.and([
      sql`o.tenant_id = ${tenant}`,
      filter.id === undefined ? sql.literal("1=1") : sql`o.id = ${filter.id}`,
      within("o.status", filter.statuses),
      filter.warehouseId === undefined ? sql.literal("1=1") : sql`o.warehouse_id = ${filter.warehouseId}`,
      filter.skus === undefined
        ? sql.literal("1=1")
        : sql`EXISTS (SELECT 1 FROM baton_supply_purchase_order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id AND ${within("l.sku", filter.skus)})`
    ])

  const findOrders = (tenant: string, filter: Parameters<typeof ordersWhere>[1]) =>
    ordersWithLines(sql, orderTables, ordersWhere(tenant, filter), Rows.toLine, Rows.toOrder)

  return Procurement.of({
    putVendors: (tenant, vendors) =>
      inBatches(vendors, (batch) =>
        sql`INSERT INTO baton_supply_vendors ${sql.insert(batch.map((v) => Rows.vendorRow(tenant, v)))}
          ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, lead_time_days = excluded.lead_time_days,
          lead_time_std_dev_days = excluded.lead_time_std_dev_days, dropships = excluded.dropships`).pipe(mapErrors("Procurement.putVendors")),
    vendors: (tenant, ids) =>
      sql`SELECT * FROM baton_supply_vendors WHERE tenant_id = ${tenant} AND ${within("id", ids)} ORDER BY ${byCode(sql, "id")}`.pipe(
        Effect.flatMap(decodeRows(Rows.VendorRow)),
        Effect.map((rows) => rows.map(Rows.toVendor)),
        mapErrors("Procurement.vendors")
      ),
    putTerms: (tenant, terms) =>
      inBatches(terms, (batch) =>
        sql`INSERT INTO baton_supply_terms ${sql.insert(batch.map((t) => Rows.termsRow(tenant, t)))}
          ON CONFLICT (tenant_id, sku, vendor_id) DO UPDATE SET unit_price = excluded.unit_price, currency = excluded.currency,
          minimum_order_quantity = excluded.minimum_order_quantity, lead_time_days = excluded.lead_time_days, priority = excluded.priority`)
        .pipe(mapErrors("Procurement.putTerms")),
    terms: (tenant, skus) =>
      sql`SELECT * FROM baton_supply_terms WHERE tenant_id = ${tenant} AND ${within("sku", skus)}
        ORDER BY ${byCode(sql, "sku")}, priority, ${byCode(sql, "vendor_id")}`.pipe(
        Effect.flatMap(decodeRows(Rows.TermsRow)),
        Effect.map((rows) => rows.map(Rows.toTerms)),
        mapErrors("Procurement.terms")
      ),
    putPurchaseOrders: (tenant, orders) =>
      Effect.forEach(orders, (order) =>
        Effect.gen(function*() {
          const header = Rows.orderRow(tenant, order, yield* Schema.encode(DestinationJson)(order.destination))
          yield* sql`INSERT INTO baton_supply_purchase_orders ${sql.insert(header)} ON CONFLICT (tenant_id, id) DO UPDATE SET
            vendor_id = excluded.vendor_id, warehouse_id = excluded.warehouse_id, destination = excluded.destination,
            status = excluded.status, origin = excluded.origin, currency = excluded.currency, ordered_on = excluded.ordered_on`
          yield* sql`DELETE FROM baton_supply_purchase_order_lines WHERE tenant_id = ${tenant} AND order_id = ${order.id}`
          yield* sql`INSERT INTO baton_supply_purchase_order_lines ${sql.insert(order.lines.map((l) => Rows.lineRow(tenant, order.id, l)))}`
        }), { discard: true }).pipe(sql.withTransaction, mapErrors("Procurement.putPurchaseOrders")),
    purchaseOrder: (tenant, id) => findOrders(tenant, { id }).pipe(Effect.map((orders) => Option.fromNullable(orders[0])), mapErrors("Procurement.purchaseOrder")),
    purchaseOrders: (tenant, filter) => findOrders(tenant, filter).pipe(mapErrors("Procurement.purchaseOrders")),
    recordReceipt: (tenant, receipt) =>
      Effect.flatMap(Schema.encode(ReceiptJson)(receipt), (json) =>
        sql`INSERT INTO baton_supply_receipts ${sql.insert({ tenant_id: tenant, id: receipt.id, receipt: json, received_on: receipt.receivedOn })}
          ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`).pipe(Effect.map((rows) => rows.length > 0), mapErrors("Procurement.recordReceipt")),
    receipt: (tenant, id) =>
      sql`SELECT receipt FROM baton_supply_receipts WHERE tenant_id = ${tenant} AND id = ${id}`.pipe(
        Effect.flatMap(decodeRows(Schema.Struct({ receipt: ReceiptJson }))),
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => r.receipt)),
        mapErrors("Procurement.receipt")
      ),
    recordAllocations: (tenant, allocations, on) =>
      Effect.forEach(allocations, (allocation) =>
        Effect.flatMap(Schema.encode(AllocationJson)(allocation), (json) =>
          sql`INSERT INTO baton_supply_cost_allocations ${
            sql.insert({ tenant_id: tenant, document_id: allocation.documentId, receipt_id: allocation.receiptId, allocation: json, capitalised_on: on })
          } ON CONFLICT (tenant_id, document_id) DO NOTHING RETURNING document_id`).pipe(
          Effect.map((rows) => (rows.length > 0 ? [allocation.documentId] : []))
        )).pipe(Effect.map((ids) => ids.flat()), mapErrors("Procurement.recordAllocations")),
    allocations: (tenant, filter) =>
      sql`SELECT allocation FROM baton_supply_cost_allocations WHERE tenant_id = ${tenant}
        AND ${filter.receiptId === undefined ? sql.literal("1=1") : sql`receipt_id = ${filter.receiptId}`}
        AND ${within("document_id", filter.documentIds)} ORDER BY seq`.pipe(
        Effect.flatMap(decodeRows(Schema.Struct({ allocation: AllocationJson }))),
        Effect.map((rows) => rows.map((r) => r.allocation)),
        mapErrors("Procurement.allocations")
      )
  })
})

export const layer: Layer.Layer<Procurement, never, SqlClient.SqlClient> = Layer.effect(Procurement, make)

