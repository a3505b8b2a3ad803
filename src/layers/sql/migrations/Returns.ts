import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * Returns: return merchandise authorisations, one row per RMA with the filterable columns beside
 * the whole record as JSON; `version` supports compare-and-set, `requested_at` is epoch milliseconds.
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0090_returns_rmas": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_returns_rmas (
      tenant_id TEXT NOT NULL,
      id TEXT NOT NULL,
      state TEXT NOT NULL,
      sales_order_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      requested_at BIGINT NOT NULL,
      version BIGINT NOT NULL,
      rma TEXT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`
    yield* sql`CREATE INDEX baton_returns_rmas_order ON baton_returns_rmas (tenant_id, sales_order_id)`
    yield* sql`CREATE INDEX baton_returns_rmas_state ON baton_returns_rmas (tenant_id, state)`
  })
}
