import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Layer, Option, Schedule, Schema } from "effect"
import { sameShipment } from "../../domain/supply/Documents.js"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import { Sales } from "../../orchestration/supply/Sales.js"
import { mapErrors } from "./SqlErrors.js"
import * as Rows from "./SqlSalesRows.js"
import { byCode, decodeRows, inBatches, ordersWithLines } from "./SqlSupplyRows.js"

class ShipmentsChanged {
  readonly _tag = "ShipmentsChanged"
}

type OrderFilter = Parameters<Sales["Type"]["salesOrders"]>[1] & { readonly id?: SalesOrderId }

const orderTables = {
  orders: "baton_supply_sales_orders",
  lines: "baton_supply_sales_order_lines",
  header: Rows.OrderRow,
  line: Rows.LineRow
}

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const within = (column: string, values: ReadonlyArray<string> | undefined) => (values === undefined ? sql.literal("1=1") : sql.in(column, values))
  const hasLine = (condition: ReturnType<typeof sql.and>) =>
    sql`EXISTS (SELECT 1 FROM baton_supply_sales_order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id AND ${condition})`

  const ordersWhere = (tenant: string, filter: OrderFilter) =>
    sql.and([
      sql`o.tenant_id = ${tenant}`,
      filter.id === undefined ? sql.literal("1=1") : sql`o.id = ${filter.id}`,
      within("o.status", filter.statuses),
      filter.warehouseId === undefined ? sql.literal("1=1") : hasLine(sql.and([sql`l.warehouse_id = ${filter.warehouseId}`])),
      filter.skus === undefined ? sql.literal("1=1") : hasLine(sql.and([within("l.sku", filter.skus)]))
    ])

  const findOrders = (tenant: string, filter: OrderFilter) =>
    ordersWithLines(sql, orderTables, ordersWhere(tenant, filter), Rows.toLine, Rows.toOrder)

  return Sales.of({
    putSalesOrders: (tenant, orders) =>
      Effect.forEach(orders, (order) =>
        Effect.gen(function*() {
          const shipTo = yield* Schema.encode(Rows.AddressJson)(order.shipTo)
          const shipments = yield* Schema.encode(Rows.ShipmentsJson)(order.shipments)
          yield* sql`INSERT INTO baton_supply_sales_orders ${sql.insert(Rows.orderRow(tenant, order, shipTo, shipments))}
            ON CONFLICT (tenant_id, id) DO UPDATE SET customer_id = excluded.customer_id, customer_name = excluded.customer_name,
            ship_to = excluded.ship_to, status = excluded.status, currency = excluded.currency, ordered_on = excluded.ordered_on,
            shipments = excluded.shipments`
          yield* sql`DELETE FROM baton_supply_sales_order_lines WHERE tenant_id = ${tenant} AND order_id = ${order.id}`
          yield* sql`INSERT INTO baton_supply_sales_order_lines ${sql.insert(order.lines.map((l) => Rows.lineRow(tenant, order.id, l)))}`
        }), { discard: true }).pipe(sql.withTransaction, mapErrors("Sales.putSalesOrders")),
    salesOrder: (tenant, id) => findOrders(tenant, { id }).pipe(Effect.map((orders) => Option.fromNullable(orders[0])), mapErrors("Sales.salesOrder")),
    salesOrders: (tenant, filter) => findOrders(tenant, filter).pipe(mapErrors("Sales.salesOrders")),
    recordShipment: (tenant, id, shipment) =>
      Effect.gen(function*() {
        const rows = yield* sql`SELECT shipments FROM baton_supply_sales_orders WHERE tenant_id = ${tenant} AND id = ${id}`.pipe(
          Effect.flatMap(decodeRows(Schema.Struct({ shipments: Rows.ShipmentsJson })))
        )
        const [row] = rows
        if (row === undefined || row.shipments.some((existing) => sameShipment(existing, shipment))) return false
        const before = yield* Schema.encode(Rows.ShipmentsJson)(row.shipments)
        const after = yield* Schema.encode(Rows.ShipmentsJson)([...row.shipments, shipment])
        const updated = yield* sql`UPDATE baton_supply_sales_orders SET shipments = ${after}
          WHERE tenant_id = ${tenant} AND id = ${id} AND shipments = ${before} RETURNING id`
        return updated.length > 0 ? true : yield* Effect.fail(new ShipmentsChanged())
      }).pipe(
        // Compare-and-set on the shipments: a concurrent writer makes this one read again.
        Effect.retry({ while: (e) => e instanceof ShipmentsChanged, schedule: Schedule.recurs(20) }),
        Effect.catchIf((e): e is ShipmentsChanged => e instanceof ShipmentsChanged, () => Effect.die(new Error("Sales.recordShipment: shipments kept changing"))),
        mapErrors("Sales.recordShipment")
      ),
    putDemand: (tenant, records) =>
      inBatches(records, (batch) =>
        sql`INSERT INTO baton_supply_demand ${
          sql.insert(batch.map((d) => ({ tenant_id: tenant, warehouse_id: d.warehouseId, sku: d.sku, day: d.day, quantity: d.quantity })))
        } ON CONFLICT (tenant_id, warehouse_id, sku, day) DO UPDATE SET quantity = excluded.quantity`, 500).pipe(
        sql.withTransaction,
        mapErrors("Sales.putDemand")
      ),
    demand: (tenant, filter) =>
      sql`SELECT sku, warehouse_id, day, quantity FROM baton_supply_demand
        WHERE tenant_id = ${tenant} AND day >= ${filter.from} AND day <= ${filter.to}
          AND ${filter.warehouseId === undefined ? sql.literal("1=1") : sql`warehouse_id = ${filter.warehouseId}`}
          AND ${within("sku", filter.skus)}
        ORDER BY ${byCode(sql, "warehouse_id")}, ${byCode(sql, "sku")}, day`.pipe(
        Effect.flatMap(decodeRows(Rows.DemandRow)),
        Effect.map((rows) => rows.map(Rows.toDemand)),
        mapErrors("Sales.demand")
      )
  })
})

export const layer: Layer.Layer<Sales, never, SqlClient.SqlClient> = Layer.effect(Sales, make)
