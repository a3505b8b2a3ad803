import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Layer, Option, Schema } from "effect"
import { Sku, TransferOrderId, WarehouseId } from "../../domain/supply/Ids.js"
import { Warehouse } from "../../domain/supply/MasterData.js"
import { TransferOrder, TransferStatus } from "../../domain/supply/TransferOrder.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Warehouses } from "../../orchestration/supply/Warehouses.js"
import { mapErrors } from "./SqlErrors.js"
import { byCode, DayColumn, decodeRows, inBatches, IntColumn } from "./SqlSupplyRows.js"

const TransferRow = Schema.Struct({
  id: TransferOrderId,
  sku: Sku,
  from_warehouse: WarehouseId,
  to_warehouse: WarehouseId,
  quantity: IntColumn,
  status: TransferStatus,
  created_on: DayColumn,
  expected_on: DayColumn,
  shipped_on: Schema.NullOr(DayColumn),
  received_on: Schema.NullOr(DayColumn),
  release_reason: Schema.NullOr(Schema.String)
})

const toTransfer = (r: typeof TransferRow.Type) =>
  new TransferOrder({
    id: r.id,
    sku: r.sku,
    from: r.from_warehouse,
    to: r.to_warehouse,
    quantity: r.quantity,
    status: r.status,
    createdOn: r.created_on,
    expectedOn: r.expected_on,
    ...(r.shipped_on === null ? {} : { shippedOn: r.shipped_on }),
    ...(r.received_on === null ? {} : { receivedOn: r.received_on }),
    ...(r.release_reason === null ? {} : { releaseReason: r.release_reason })
  })

const transferRow = (tenant: TenantId, t: TransferOrder) => ({
  tenant_id: tenant,
  id: t.id,
  sku: t.sku,
  from_warehouse: t.from,
  to_warehouse: t.to,
  quantity: t.quantity,
  status: t.status,
  created_on: t.createdOn,
  expected_on: t.expectedOn,
  shipped_on: t.shippedOn ?? null,
  received_on: t.receivedOn ?? null,
  release_reason: t.releaseReason ?? null
})

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const within = (column: string, values: ReadonlyArray<string> | undefined) => (values === undefined ? sql.literal("1=1") : sql.in(column, values))
  const select = sql.literal("SELECT id, sku, from_warehouse, to_warehouse, quantity, status, created_on, expected_on, shipped_on, received_on, release_reason FROM baton_supply_transfers")

  return Warehouses.of({
    putWarehouses: (tenant, warehouses) =>
      inBatches(warehouses, (batch) =>
        sql`INSERT INTO baton_supply_warehouses ${sql.insert(batch.map((w) => ({ tenant_id: tenant, id: w.id, name: w.name })))}
          ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name`).pipe(mapErrors("Warehouses.putWarehouses")),
    warehouses: (tenant) =>
      sql`SELECT id, name FROM baton_supply_warehouses WHERE tenant_id = ${tenant} ORDER BY ${byCode(sql, "id")}`.pipe(
        Effect.flatMap(decodeRows(Schema.Struct({ id: WarehouseId, name: Schema.String }))),
        Effect.map((rows) => rows.map((r) => new Warehouse(r))),
        mapErrors("Warehouses.warehouses")
      ),
    addTransfers: (tenant, transfers) =>
      Effect.gen(function*() {
        const taken = yield* sql`SELECT id FROM baton_supply_transfers WHERE tenant_id = ${tenant} AND ${sql.in("id", transfers.map((t) => t.id))}`
        if (taken.length > 0 || new Set(transfers.map((t) => t.id)).size < transfers.length) return false
        yield* inBatches(transfers, (batch) => sql`INSERT INTO baton_supply_transfers ${sql.insert(batch.map((t) => transferRow(tenant, t)))}`)
        return true
      }).pipe(sql.withTransaction, mapErrors("Warehouses.addTransfers")),
    transfer: (tenant, id) =>
      sql`${select} WHERE tenant_id = ${tenant} AND id = ${id}`.pipe(
        Effect.flatMap(decodeRows(TransferRow)),
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toTransfer)),
        mapErrors("Warehouses.transfer")
      ),
    transfers: (tenant, filter) =>
      sql`${select} WHERE tenant_id = ${tenant} AND ${within("status", filter.statuses)} AND ${within("sku", filter.skus)}
        AND ${filter.warehouseId === undefined ? sql.literal("1=1") : sql`(from_warehouse = ${filter.warehouseId} OR to_warehouse = ${filter.warehouseId})`}
        ORDER BY ${byCode(sql, "id")}`.pipe(
        Effect.flatMap(decodeRows(TransferRow)),
        Effect.map((rows) => rows.map(toTransfer)),
        mapErrors("Warehouses.transfers")
      ),
    updateTransfer: (tenant, next, expected) => {
      const row = transferRow(tenant, next)
      return sql`UPDATE baton_supply_transfers SET status = ${row.status}, shipped_on = ${row.shipped_on}, received_on = ${row.received_on},
        release_reason = ${row.release_reason} WHERE tenant_id = ${tenant} AND id = ${next.id} AND status = ${expected} RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Warehouses.updateTransfer")
      )
    }
  })
})

export const layer: Layer.Layer<Warehouses, never, SqlClient.SqlClient> = Layer.effect(Warehouses, make)
