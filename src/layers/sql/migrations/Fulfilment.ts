import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * Fulfilment: dropship records (one per sales order line, the record as JSON beside its state
 * and version for filtering and compare-and-set) and the vendors' callback tokens (SHA-256 only).
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0080_fulfilment_dropships": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_dropships (
      tenant_id TEXT NOT NULL,
      sales_order_id TEXT NOT NULL,
      line_no BIGINT NOT NULL,
      state TEXT NOT NULL,
      version BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      record TEXT NOT NULL,
      PRIMARY KEY (tenant_id, sales_order_id, line_no)
    )`
    yield* sql`CREATE INDEX baton_dropships_state ON baton_dropships (tenant_id, state)`
    yield* sql`CREATE INDEX baton_dropships_unsettled ON baton_dropships (state, updated_at)`
    yield* sql`CREATE TABLE baton_dropship_tokens (
      token_hash TEXT NOT NULL PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      sales_order_id TEXT NOT NULL,
      line_no BIGINT NOT NULL,
      status TEXT NOT NULL,
      issued_at BIGINT NOT NULL,
      closed_at BIGINT
    )`
    yield* sql`CREATE INDEX baton_dropship_tokens_line ON baton_dropship_tokens (tenant_id, sales_order_id, line_no, status)`
  })
}
