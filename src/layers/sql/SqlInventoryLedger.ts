import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Layer, Option, Schema } from "effect"
import type { Sku } from "../../domain/supply/Ids.js"
import { ItemValuation, StockLevel } from "../../domain/supply/Ledger.js"
import { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import { mapErrors } from "./SqlErrors.js"
import * as Rows from "./SqlInventoryLedgerRows.js"
import { byCode, decodeRows, inBatches, OptionalIntColumn } from "./SqlSupplyRows.js"

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const forUpdate = sql.onDialectOrElse({ pg: () => sql.literal("FOR UPDATE"), orElse: () => sql.literal("") })
  /**
   * On PostgreSQL, locks the items' master rows (they exist before any movement) in SKU order:
   * postings of the same items serialise, even an item's first one, which has no valuation row
   * to lock yet. SQLite serialises writers already.
   */
  const lockItems = (tenant: string, skus: ReadonlyArray<Sku>) =>
    sql.onDialectOrElse({
      pg: () => sql`SELECT sku FROM baton_supply_items WHERE tenant_id = ${tenant} AND ${sql.in("sku", skus)} ORDER BY sku COLLATE "C" FOR UPDATE`.pipe(Effect.asVoid),
      orElse: () => Effect.void
    })
  const skuIn = (skus: ReadonlyArray<Sku> | undefined) => (skus === undefined ? sql.literal("1=1") : sql.in("sku", skus))

  return InventoryLedger.of({
    putItems: (tenant, items) =>
      inBatches(items, (batch) =>
        sql`INSERT INTO baton_supply_items ${
          sql.insert(batch.map((i) => Rows.itemRow(tenant, i)))
        } ON CONFLICT (tenant_id, sku) DO UPDATE SET name = excluded.name, unit_of_measure = excluded.unit_of_measure,
          pack_size = excluded.pack_size, transfer_lot_size = excluded.transfer_lot_size, returnable = excluded.returnable,
          unit_weight_grams = excluded.unit_weight_grams, unit_volume_cm3 = excluded.unit_volume_cm3`).pipe(mapErrors("InventoryLedger.putItems")),
    items: (tenant, skus) =>
      sql`SELECT * FROM baton_supply_items WHERE tenant_id = ${tenant} AND ${skuIn(skus)} ORDER BY ${byCode(sql, "sku")}`.pipe(
        Effect.flatMap(decodeRows(Rows.ItemRow)),
        Effect.map((rows) => rows.map(Rows.toItem)),
        mapErrors("InventoryLedger.items")
      ),
    post: (tenant, posting) =>
      Effect.all([
        inBatches(posting.movements, (batch) =>
          sql`INSERT INTO baton_supply_movements ${
            sql.insert(batch.map((m) => ({
              tenant_id: tenant,
              sku: m.sku,
              warehouse_id: m.warehouseId,
              quantity: m.quantity,
              kind: m.kind,
              reference: m.reference,
              occurred_on: m.occurredOn,
              unit_cost: m.unitCost ?? null
            })))
          }`),
        inBatches(posting.entries, (batch) =>
          sql`INSERT INTO baton_supply_valuation_entries ${
            sql.insert(batch.map((e) => ({
              tenant_id: tenant,
              sku: e.sku,
              kind: e.kind,
              quantity: e.quantity,
              inventory: e.inventory,
              cogs: e.cogs,
              currency: e.currency,
              reference: e.reference,
              occurred_on: e.occurredOn
            })))
          }`),
        inBatches(posting.valuations, (batch) =>
          sql`INSERT INTO baton_supply_valuations ${
            sql.insert(batch.map((v) => ({ tenant_id: tenant, sku: v.sku, currency: v.currency, quantity: v.quantity, value: v.value })))
          } ON CONFLICT (tenant_id, sku) DO UPDATE SET currency = excluded.currency, quantity = excluded.quantity, value = excluded.value`)
      ], { discard: true }).pipe(sql.withTransaction, mapErrors("InventoryLedger.post")),
    onHand: (tenant, filter) =>
      sql`SELECT sku, warehouse_id, SUM(quantity) AS on_hand FROM baton_supply_movements
        WHERE tenant_id = ${tenant} AND ${skuIn(filter.skus)}
          AND ${filter.warehouseId === undefined ? sql.literal("1=1") : sql`warehouse_id = ${filter.warehouseId}`}
        GROUP BY sku, warehouse_id ORDER BY ${byCode(sql, "sku")}, ${byCode(sql, "warehouse_id")}`.pipe(
        Effect.flatMap(decodeRows(Rows.LevelRow)),
        Effect.map((rows) => rows.map((r) => new StockLevel({ sku: r.sku, warehouseId: r.warehouse_id, onHand: r.on_hand }))),
        mapErrors("InventoryLedger.onHand")
      ),
    movements: (tenant, filter) =>
      sql`SELECT seq, sku, warehouse_id, quantity, kind, reference, occurred_on, unit_cost FROM baton_supply_movements
        WHERE tenant_id = ${tenant} AND sku = ${filter.sku}
          AND ${filter.warehouseId === undefined ? sql.literal("1=1") : sql`warehouse_id = ${filter.warehouseId}`}
        ORDER BY seq DESC LIMIT ${filter.limit}`.pipe(
        Effect.flatMap(decodeRows(Rows.MovementRow)),
        Effect.map((rows) => rows.map(Rows.toMovement)),
        mapErrors("InventoryLedger.movements")
      ),
    valuations: (tenant, skus, lock) =>
      Effect.zipRight(
        lock === true ? lockItems(tenant, skus) : Effect.void,
        sql`SELECT sku, currency, quantity, value FROM baton_supply_valuations WHERE tenant_id = ${tenant} AND ${sql.in("sku", skus)}
          ORDER BY ${byCode(sql, "sku")} ${lock === true ? forUpdate : sql.literal("")}`
      ).pipe(
        Effect.flatMap(decodeRows(Rows.ValuationRow)),
        Effect.map((rows) => rows.map((r) => new ItemValuation({ sku: r.sku, currency: r.currency, quantity: r.quantity, value: r.value }))),
        mapErrors("InventoryLedger.valuations")
      ),
    valuationEntries: (tenant, sku, limit) =>
      sql`SELECT sku, kind, quantity, inventory, cogs, currency, reference, occurred_on FROM baton_supply_valuation_entries
        WHERE tenant_id = ${tenant} AND sku = ${sku} ORDER BY seq DESC LIMIT ${limit}`.pipe(
        Effect.flatMap(decodeRows(Rows.EntryRow)),
        Effect.map((rows) => rows.map(Rows.toEntry)),
        mapErrors("InventoryLedger.valuationEntries")
      ),
    lastSequence: (tenant, reference) =>
      sql`SELECT MAX(seq) AS seq FROM baton_supply_movements WHERE tenant_id = ${tenant} AND reference = ${reference}`.pipe(
        Effect.flatMap(decodeRows(Schema.Struct({ seq: OptionalIntColumn }))),
        Effect.map((rows) => Option.fromNullable(rows[0]?.seq)),
        mapErrors("InventoryLedger.lastSequence")
      ),
    inboundAfter: (tenant, skus, sequence) =>
      sql`SELECT sku, SUM(quantity) AS quantity FROM baton_supply_movements
        WHERE tenant_id = ${tenant} AND ${sql.in("sku", skus)} AND seq > ${sequence} AND quantity > 0
          AND kind IN ('receipt', 'customer-return', 'adjustment')
        GROUP BY sku ORDER BY ${byCode(sql, "sku")}`.pipe(
        Effect.flatMap(decodeRows(Rows.TotalRow)),
        mapErrors("InventoryLedger.inboundAfter")
      )
  })
})

export const layer: Layer.Layer<InventoryLedger, never, SqlClient.SqlClient> = Layer.effect(InventoryLedger, make)
