import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * The rows a request's authentication and authorization read (and the member lists, made of
 * them), and every change to them that can end a credential or change a decision. Each such
 * write bumps `baton_access_generation` in its own transaction, whichever process makes it (the
 * server, the CLI), so a reader that finds the generation unchanged knows those rows are as it
 * last read them.
 *
 * Left out on purpose: inserts of sessions and API tokens (a login is not a revocation; absence is
 * never remembered), `baton_sessions.last_seen_at` and `baton_api_tokens.last_used_at` (written at
 * most once a minute; a remembered row is only trusted while that stamp is under a minute old).
 */
export const watched: ReadonlyArray<{ readonly table: string; readonly updateOf?: string; readonly insert: boolean }> = [
  { table: "baton_accounts", insert: true },
  { table: "baton_sessions", updateOf: "account_id, kind, auth_epoch, authenticated_at, expires_at, revoked_at", insert: false },
  { table: "baton_api_tokens", updateOf: "account_id, scopes, expires_at, revoked_at", insert: false },
  { table: "baton_totp", insert: true },
  { table: "baton_settings", insert: true },
  { table: "baton_tenants", insert: true },
  { table: "baton_roles", insert: true },
  { table: "baton_role_grants", insert: true },
  { table: "baton_memberships", insert: true }
]

const bump = "UPDATE baton_access_generation SET value = value + 1 WHERE id = 1;"

/**
 * SQLite only: the in-process cache of committed reads (`CommittedReads`) runs on SQLite, whose
 * every writer shares the file. On PostgreSQL nothing is cached, so nothing is kept.
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0100_access_generation": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql.onDialectOrElse({
      sqlite: () =>
        Effect.gen(function*() {
          yield* sql`CREATE TABLE baton_access_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)`
          yield* sql`INSERT INTO baton_access_generation (id, value) VALUES (1, 0)`
          for (const { insert, table, updateOf } of watched) {
            const events = [`UPDATE${updateOf === undefined ? "" : ` OF ${updateOf}`}`, "DELETE", ...(insert ? ["INSERT"] : [])]
            for (const event of events) {
              const name = `${table}_access_${event.split(" ")[0]!.toLowerCase()}`
              yield* sql.unsafe(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN ${bump} END`)
            }
          }
        }),
      orElse: () => Effect.void
    })
  })
}
