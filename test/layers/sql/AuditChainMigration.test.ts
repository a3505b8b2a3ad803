import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Exit, Layer, Redacted, Schema } from "effect"
import { AuditIntent, AuditRecord } from "../../../src/domain/audit/AuditIntent.js"
import { actorRef, SystemActor } from "../../../src/domain/shared/Actor.js"
import { IntentId } from "../../../src/domain/shared/Ids.js"
import * as Migrations from "../../../src/layers/sql/Migrations.js"
import * as SqlAuditLog from "../../../src/layers/sql/SqlAuditLog.js"
import { AuditLog } from "../../../src/orchestration/audit/AuditLog.js"
import { postgresAvailable, postgresUrl } from "../../support/TestDatabases.js"

const before = Object.fromEntries(Object.entries(Migrations.migrations).filter(([key]) => key < "0010"))
const migrateBefore = Migrator.make({})({ loader: Migrator.fromRecord(before), table: "baton_migrations" })

/** A record as the audit log stored it before the chain existed. */
const legacy = (n: number) => {
  const record = new AuditRecord({
    id: IntentId.make(`legacy-${n}`),
    occurredAt: DateTime.unsafeMake(1_700_000_000_000 + n),
    intent: new AuditIntent({ action: "settings.set", actor: new SystemActor({ component: "cli" }), outcome: "SettingUpdated" })
  })
  return {
    id: record.id,
    occurred_at: 1_700_000_000_000 + n,
    action: record.intent.action,
    actor: actorRef(record.intent.actor),
    outcome: record.intent.outcome,
    record: Schema.encodeSync(Schema.parseJson(AuditRecord))(record)
  }
}

const upgrade = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* migrateBefore
  yield* sql`INSERT INTO baton_audit_log ${sql.insert([1, 2, 3].map(legacy))}`
  const applied = yield* Migrations.run
  assert.includeMembers(applied.map(([id, name]) => `${id}_${name}`), ["10_audit_chain", "11_notification_subscriptions"])
  const log = yield* Effect.provide(AuditLog, SqlAuditLog.layer.pipe(Layer.provide(Layer.succeed(SqlClient.SqlClient, sql))))
  const chained = yield* log.verify
  assert.deepStrictEqual(chained._tag === "Intact" ? [chained.records, chained.head.sequence] : chained, [3, 3])
  yield* log.append([new AuditRecord({ ...legacy(0), id: IntentId.make("new-1"), occurredAt: DateTime.unsafeMake(1_800_000_000_000), intent: new AuditIntent({ action: "after", actor: new SystemActor({ component: "cli" }), outcome: "Done" }) })])
  const after = yield* log.verify
  assert.deepStrictEqual(after._tag === "Intact" ? after.records : after, 4, "new records continue the chain")
  const edit = yield* Effect.exit(sql`UPDATE baton_audit_log SET action = 'x' WHERE id = 'legacy-1'`)
  const removal = yield* Effect.exit(sql`DELETE FROM baton_audit_log WHERE id = 'legacy-1'`)
  assert.isTrue(Exit.isFailure(edit) && Exit.isFailure(removal), "the append-only triggers are back")
})

describe("migration 0010: the records already in the audit log get their chain", () => {
  it.live("on SQLite", () => upgrade.pipe(Effect.provide(SqliteClient.layer({ filename: ":memory:" })), Effect.orDie))

  it.live.skipIf(!postgresAvailable)("on PostgreSQL", () =>
    Effect.gen(function*() {
      const name = `baton_upgrade_${Date.now().toString(36)}`
      const admin = PgClient.layer({ url: Redacted.make(postgresUrl.href) })
      yield* Effect.acquireRelease(
        Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`CREATE DATABASE ${name}`)).pipe(Effect.provide(admin), Effect.orDie),
        () => Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).pipe(Effect.provide(admin), Effect.orDie)
      )
      const url = new URL(postgresUrl.href)
      url.pathname = `/${name}`
      yield* upgrade.pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url.href) })), Effect.orDie)
    }).pipe(Effect.scoped))
})
