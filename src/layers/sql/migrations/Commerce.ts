import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/** Commerce: customers, catalogue and stock, reservations, checkout records and orders. */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0040_commerce": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_customers (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      tier TEXT NOT NULL,
      verified INTEGER NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE TABLE baton_stock (
      tenant_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      name TEXT NOT NULL,
      unit_amount BIGINT NOT NULL,
      currency TEXT NOT NULL,
      on_hand BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, sku)
    )`
    yield* sql`CREATE TABLE baton_reservations (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      status TEXT NOT NULL,
      backorder INTEGER NOT NULL,
      backordered TEXT NOT NULL,
      expires_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE TABLE baton_reservation_lines (
      tenant_id TEXT NOT NULL,
      reservation_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      quantity BIGINT NOT NULL,
      held INTEGER NOT NULL,
      expires_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, reservation_id, sku)
    )`
    yield* sql`CREATE INDEX baton_reservation_lines_held ON baton_reservation_lines (tenant_id, sku, held, expires_at)`
    yield* sql`CREATE TABLE baton_checkouts (
      tenant_id TEXT NOT NULL,
      key TEXT NOT NULL,
      request TEXT NOT NULL,
      status TEXT NOT NULL,
      note TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, key)
    )`
    yield* sql`CREATE INDEX baton_checkouts_status ON baton_checkouts (tenant_id, status)`
    yield* sql`CREATE TABLE baton_orders (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      checkout_key TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      lines TEXT NOT NULL,
      total_amount BIGINT NOT NULL,
      currency TEXT NOT NULL,
      confirmation TEXT NOT NULL,
      charge_id TEXT NOT NULL,
      placed_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, checkout_key)
    )`
  })
}
