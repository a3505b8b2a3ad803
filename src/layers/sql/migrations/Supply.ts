import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"
import { appendOnly, serialKey } from "./Dialect.js"

/**
 * Supply: the item master, warehouses, vendors and their terms, purchase and sales orders,
 * receipts and landed-cost allocations, the inventory ledger with its valuation, demand
 * history, transfer orders and receivables. Every table is keyed by tenant; days are
 * `YYYY-MM-DD` text, money integer minor units.
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0060_supply_master_data": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_supply_items (
      tenant_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      name TEXT NOT NULL,
      unit_of_measure TEXT NOT NULL,
      pack_size BIGINT NOT NULL,
      transfer_lot_size BIGINT NOT NULL,
      returnable INTEGER NOT NULL,
      unit_weight_grams BIGINT NOT NULL,
      unit_volume_cm3 BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, sku)
    )`
    yield* sql`CREATE TABLE baton_supply_warehouses (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE TABLE baton_supply_vendors (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      lead_time_days BIGINT NOT NULL,
      lead_time_std_dev_days DOUBLE PRECISION NOT NULL,
      dropships INTEGER NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE TABLE baton_supply_terms (
      tenant_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      vendor_id TEXT NOT NULL,
      unit_price BIGINT NOT NULL,
      currency TEXT NOT NULL,
      minimum_order_quantity BIGINT NOT NULL,
      lead_time_days BIGINT,
      priority BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, sku, vendor_id)
    )`
  }),
  "0061_supply_orders": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_supply_purchase_orders (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      vendor_id TEXT NOT NULL,
      warehouse_id TEXT,
      destination TEXT NOT NULL,
      status TEXT NOT NULL,
      origin TEXT NOT NULL,
      currency TEXT NOT NULL,
      ordered_on TEXT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE INDEX baton_supply_purchase_orders_status ON baton_supply_purchase_orders (tenant_id, status, warehouse_id)`
    yield* sql`CREATE TABLE baton_supply_purchase_order_lines (
      tenant_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      line_no BIGINT NOT NULL,
      sku TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      received_quantity BIGINT NOT NULL,
      unit_price BIGINT NOT NULL,
      expected_on TEXT NOT NULL,
      PRIMARY KEY (tenant_id, order_id, line_no)
    )`
    yield* sql`CREATE INDEX baton_supply_purchase_order_lines_sku ON baton_supply_purchase_order_lines (tenant_id, sku)`
    yield* sql`CREATE TABLE baton_supply_sales_orders (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      customer_name TEXT NOT NULL,
      ship_to TEXT NOT NULL,
      status TEXT NOT NULL,
      currency TEXT NOT NULL,
      ordered_on TEXT NOT NULL,
      shipments TEXT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE INDEX baton_supply_sales_orders_status ON baton_supply_sales_orders (tenant_id, status)`
    yield* sql`CREATE TABLE baton_supply_sales_order_lines (
      tenant_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      line_no BIGINT NOT NULL,
      sku TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      unit_price BIGINT NOT NULL,
      promised_on TEXT NOT NULL,
      dropship INTEGER NOT NULL,
      warehouse_id TEXT,
      vendor_id TEXT,
      PRIMARY KEY (tenant_id, order_id, line_no)
    )`
    yield* sql`CREATE INDEX baton_supply_sales_order_lines_sku ON baton_supply_sales_order_lines (tenant_id, sku)`
    yield* sql`CREATE INDEX baton_supply_sales_order_lines_warehouse ON baton_supply_sales_order_lines (tenant_id, warehouse_id)`
    yield* sql`CREATE TABLE baton_supply_receipts (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      receipt TEXT NOT NULL,
      received_on TEXT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE TABLE baton_supply_cost_allocations (
      seq ${serialKey(sql)},
      tenant_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      receipt_id TEXT NOT NULL,
      allocation TEXT NOT NULL,
      capitalised_on TEXT NOT NULL,
      UNIQUE (tenant_id, document_id)
    )`
    yield* sql`CREATE INDEX baton_supply_cost_allocations_receipt ON baton_supply_cost_allocations (tenant_id, receipt_id)`
  }),
  "0062_supply_ledger": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_supply_movements (
      seq ${serialKey(sql)},
      tenant_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      warehouse_id TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      kind TEXT NOT NULL,
      reference TEXT NOT NULL,
      occurred_on TEXT NOT NULL,
      unit_cost BIGINT
    )`
    yield* sql`CREATE INDEX baton_supply_movements_item ON baton_supply_movements (tenant_id, sku, warehouse_id)`
    yield* sql`CREATE INDEX baton_supply_movements_reference ON baton_supply_movements (tenant_id, reference)`
    yield* appendOnly(sql, "baton_supply_movements")
    yield* sql`CREATE TABLE baton_supply_valuations (
      tenant_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      currency TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      value BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, sku)
    )`
    yield* sql`CREATE TABLE baton_supply_valuation_entries (
      seq ${serialKey(sql)},
      tenant_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      kind TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      inventory BIGINT NOT NULL,
      cogs BIGINT NOT NULL,
      currency TEXT NOT NULL,
      reference TEXT NOT NULL,
      occurred_on TEXT NOT NULL
    )`
    yield* sql`CREATE INDEX baton_supply_valuation_entries_item ON baton_supply_valuation_entries (tenant_id, sku)`
    yield* appendOnly(sql, "baton_supply_valuation_entries")
    yield* sql`CREATE TABLE baton_supply_demand (
      tenant_id TEXT NOT NULL,
      warehouse_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      day TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, warehouse_id, sku, day)
    )`
    yield* sql`CREATE TABLE baton_supply_transfers (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      sku TEXT NOT NULL,
      from_warehouse TEXT NOT NULL,
      to_warehouse TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      status TEXT NOT NULL,
      created_on TEXT NOT NULL,
      expected_on TEXT NOT NULL,
      shipped_on TEXT,
      received_on TEXT,
      release_reason TEXT,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE INDEX baton_supply_transfers_status ON baton_supply_transfers (tenant_id, status)`
    yield* sql`CREATE TABLE baton_supply_receivables (
      seq ${serialKey(sql)},
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      key TEXT NOT NULL,
      kind TEXT NOT NULL,
      sales_order_id TEXT NOT NULL,
      document TEXT NOT NULL,
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, key)
    )`
    yield* sql`CREATE INDEX baton_supply_receivables_order ON baton_supply_receivables (tenant_id, sales_order_id)`
  })
}
