import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Layer } from "effect"

/** An auto-incrementing primary key, in each dialect's words. */
const serialKey = (sql: SqlClient.SqlClient) =>
  sql.onDialectOrElse({
    pg: () => sql.literal("BIGSERIAL PRIMARY KEY"),
    orElse: () => sql.literal("INTEGER PRIMARY KEY AUTOINCREMENT")
  })

/** Refuses UPDATE and DELETE on a table (an append-only log), in each dialect's words. */
const appendOnly = (sql: SqlClient.SqlClient, table: string) =>
  sql.onDialectOrElse({
    pg: () =>
      Effect.all([
        sql.unsafe(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`),
        sql.unsafe(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`)
      ]),
    orElse: () =>
      Effect.all([
        sql.unsafe(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
        sql.unsafe(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
      ])
  })

/**
 * baton's schema, in order. Tables are prefixed `baton_` so that baton can share a database
 * with its host. Migrations are dialect-neutral SQL, or branch on the dialect explicitly.
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0001_settings": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_settings (
      key TEXT NOT NULL,
      tenant_id TEXT NOT NULL,
      value TEXT NOT NULL,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (key, tenant_id)
    )`
  }),
  "0002_outbox": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_outbox (
      seq ${serialKey(sql)},
      id TEXT NOT NULL UNIQUE,
      destination TEXT NOT NULL,
      intent TEXT NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      created_at BIGINT NOT NULL,
      next_attempt_at BIGINT NOT NULL,
      last_error TEXT
    )`
    yield* sql`CREATE INDEX baton_outbox_due ON baton_outbox (status, next_attempt_at)`
  }),
  "0003_audit_log": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_audit_log (
      seq ${serialKey(sql)},
      id TEXT NOT NULL UNIQUE,
      occurred_at BIGINT NOT NULL,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      outcome TEXT NOT NULL,
      target_type TEXT,
      target_id TEXT,
      tenant_id TEXT,
      reason TEXT,
      record TEXT NOT NULL
    )`
    yield* sql`CREATE INDEX baton_audit_log_tenant ON baton_audit_log (tenant_id, seq)`
    yield* appendOnly(sql, "baton_audit_log")
  }),
  "0004_identity": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_accounts (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      status TEXT NOT NULL,
      auth_epoch INTEGER NOT NULL,
      created_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_passwords (
      account_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_login_attempts (
      subject TEXT NOT NULL,
      factor TEXT NOT NULL,
      failures INTEGER NOT NULL,
      locked_until BIGINT,
      PRIMARY KEY (subject, factor)
    )`
    yield* sql`CREATE TABLE baton_totp (
      account_id TEXT PRIMARY KEY,
      sealed_secret TEXT NOT NULL,
      status TEXT NOT NULL,
      last_step BIGINT,
      created_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_recovery_codes (
      account_id TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      used_at BIGINT,
      PRIMARY KEY (account_id, code_hash)
    )`
    yield* sql`CREATE TABLE baton_sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      auth_epoch INTEGER NOT NULL,
      user_agent TEXT NOT NULL,
      ip TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      last_seen_at BIGINT NOT NULL,
      authenticated_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`
    yield* sql`CREATE INDEX baton_sessions_account ON baton_sessions (account_id)`
    yield* sql`CREATE TABLE baton_challenges (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      user_agent TEXT NOT NULL,
      ip TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      attempts INTEGER NOT NULL
    )`
    yield* sql`CREATE TABLE baton_api_tokens (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      name TEXT NOT NULL,
      scopes TEXT NOT NULL,
      hint TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT,
      last_used_at BIGINT,
      revoked_at BIGINT
    )`
    yield* sql`CREATE INDEX baton_api_tokens_account ON baton_api_tokens (account_id)`
  })
}

/** Applies the migrations not yet applied (recorded in `baton_migrations`); returns those applied now. */
export const run = Migrator.make({})({ loader: Migrator.fromRecord(migrations), table: "baton_migrations" })

/** Migrates at layer construction. */
export const layer: Layer.Layer<never, Migrator.MigrationError | SqlError, SqlClient.SqlClient> =
  Layer.effectDiscard(run)
