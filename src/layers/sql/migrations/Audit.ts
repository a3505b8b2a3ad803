import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Schema } from "effect"
import { ChainHead, emptyHead, nextLink } from "../../../domain/audit/AuditChain.js"
import * as Sha256 from "../../crypto/Sha256.js"
import { SqlNumber } from "../SqlErrors.js"

const LegacyRow = Schema.Struct({
  seq: SqlNumber,
  id: Schema.String,
  occurred_at: SqlNumber,
  action: Schema.String,
  actor: Schema.String,
  outcome: Schema.String,
  target_type: Schema.NullOr(Schema.String),
  target_id: Schema.NullOr(Schema.String),
  tenant_id: Schema.NullOr(Schema.String),
  reason: Schema.NullOr(Schema.String),
  record: Schema.String
})

/** Lets the migration itself update the append-only log (its triggers are back before it commits). */
const updatingAppendOnly = <A, E, R>(sql: SqlClient.SqlClient, effect: Effect.Effect<A, E, R>) =>
  sql.onDialectOrElse({
    pg: () =>
      sql`ALTER TABLE baton_audit_log DISABLE TRIGGER baton_audit_log_append_only`.pipe(
        Effect.zipRight(effect),
        Effect.zipLeft(sql`ALTER TABLE baton_audit_log ENABLE TRIGGER baton_audit_log_append_only`)
      ),
    orElse: () =>
      sql`DROP TRIGGER baton_audit_log_no_update`.pipe(
        Effect.zipRight(effect),
        Effect.zipLeft(sql.unsafe(`CREATE TRIGGER baton_audit_log_no_update BEFORE UPDATE ON baton_audit_log
          BEGIN SELECT RAISE(ABORT, 'baton_audit_log is append-only'); END`))
      )
  })

/**
 * The audit chain and notification subscriptions. `0010` chains the records already in the log,
 * in their append order, with the same hash as new appends, and keeps the head in
 * `baton_audit_chain`; the append-only triggers stay.
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0010_audit_chain": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`ALTER TABLE baton_audit_log ADD COLUMN chain_seq BIGINT`
    yield* sql`ALTER TABLE baton_audit_log ADD COLUMN prev_hash TEXT`
    yield* sql`ALTER TABLE baton_audit_log ADD COLUMN hash TEXT`
    yield* sql`CREATE TABLE baton_audit_chain (
      id INTEGER PRIMARY KEY,
      chain_seq BIGINT NOT NULL,
      hash TEXT NOT NULL
    )`
    const rows = yield* Effect.flatMap(
      sql`SELECT seq, id, occurred_at, action, actor, outcome, target_type, target_id, tenant_id, reason, record
          FROM baton_audit_log ORDER BY seq`,
      Schema.decodeUnknown(Schema.Array(LegacyRow))
    )
    let head = emptyHead
    const links = rows.map((row) => {
      const link = nextLink({
        id: row.id,
        occurredAt: row.occurred_at,
        action: row.action,
        actor: row.actor,
        outcome: row.outcome,
        targetType: row.target_type,
        targetId: row.target_id,
        tenantId: row.tenant_id,
        reason: row.reason,
        record: row.record
      }, head, Sha256.hex)
      head = new ChainHead({ sequence: link.sequence, hash: link.hash })
      return { seq: row.seq, link }
    })
    if (links.length > 0) {
      yield* updatingAppendOnly(
        sql,
        Effect.forEach(links, ({ link, seq }) =>
          sql`UPDATE baton_audit_log SET chain_seq = ${link.sequence}, prev_hash = ${link.previousHash}, hash = ${link.hash}
              WHERE seq = ${seq}`, { discard: true })
      )
    }
    yield* sql`INSERT INTO baton_audit_chain (id, chain_seq, hash) VALUES (1, ${head.sequence}, ${head.hash})`
    yield* sql`CREATE UNIQUE INDEX baton_audit_log_chain ON baton_audit_log (chain_seq)`
    yield* sql`CREATE INDEX baton_audit_log_tenant_chain ON baton_audit_log (tenant_id, chain_seq)`
  }),
  "0011_notification_subscriptions": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_notification_preferences (
      account_id TEXT PRIMARY KEY,
      muted_categories TEXT NOT NULL,
      muted_kinds TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_webhook_endpoints (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      url TEXT NOT NULL,
      kinds TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      sealed_secret TEXT NOT NULL
    )`
    yield* sql`CREATE INDEX baton_webhook_endpoints_tenant ON baton_webhook_endpoints (tenant_id, created_at)`
  })
}
