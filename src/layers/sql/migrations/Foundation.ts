import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"
import { appendOnly, serialKey } from "./Dialect.js"

/** The foundation: settings, the outbox and the append-only audit log. */
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
  })
}
