import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * The admin lifecycle: pending invitations (one per account, the token stored as SHA-256) and
 * the platform-admin lock, one row that every unit of work changing who is an active platform
 * admin updates first, so that those units of work run one after another.
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0006_admin_lifecycle": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_invitations (
      account_id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_platform_admin_lock (
      id INTEGER PRIMARY KEY,
      version BIGINT NOT NULL
    )`
    yield* sql`INSERT INTO baton_platform_admin_lock (id, version) VALUES (1, 0)`
  })
}
