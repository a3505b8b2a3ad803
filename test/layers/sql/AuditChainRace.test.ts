import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type * as SqlClient from "@effect/sql/SqlClient"
import { PgClient } from "@effect/sql-pg"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Layer, Redacted } from "effect"
import { AuditIntent, AuditRecord } from "../../../src/domain/audit/AuditIntent.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { IntentId } from "../../../src/domain/shared/Ids.js"
import * as Database from "../../../src/layers/sql/Database.js"
import * as Migrations from "../../../src/layers/sql/Migrations.js"
import * as SqlAuditLog from "../../../src/layers/sql/SqlAuditLog.js"
import { AuditLog } from "../../../src/orchestration/audit/AuditLog.js"
import { spawnScript } from "../../support/ServiceProcess.js"
import { postgresAvailable, postgresUrl } from "../../support/TestDatabases.js"

const PER_WRITER = 150

const record = (writer: string, n: number) =>
  new AuditRecord({
    id: IntentId.make(`${writer}-${n}`),
    occurredAt: DateTime.unsafeMake(1_800_000_000_000 + n),
    intent: new AuditIntent({ action: "race.append", actor: new SystemActor({ component: writer }), outcome: "Done" })
  })

/** `PER_WRITER` appends from each of two writers with their own connections, all at once; then the verdict. */
const race = (first: Layer.Layer<SqlClient.SqlClient>, second: Layer.Layer<SqlClient.SqlClient>) =>
  Effect.gen(function*() {
    const writers = [
      { name: "service", log: yield* Effect.provide(AuditLog, SqlAuditLog.layer.pipe(Layer.provide(first))) },
      { name: "cli", log: yield* Effect.provide(AuditLog, SqlAuditLog.layer.pipe(Layer.provide(second))) }
    ]
    yield* Effect.forEach(
      writers.flatMap(({ log, name }) => Array.from({ length: PER_WRITER }, (_, n) => log.append([record(name, n)]))),
      (append) => append,
      { concurrency: "unbounded", discard: true }
    )
    return yield* writers[1]!.log.verify
  })

describe("audit chain appends from two processes sharing the database", () => {
  it.live("SQLite: two processes append to one file in turn (the head row takes the write lock first, like BEGIN IMMEDIATE)", () =>
    Effect.gen(function*() {
      const dir = yield* Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-race-"))),
        (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
      )
      const file = join(dir, "baton.db")
      const verdict = Effect.flatMap(AuditLog, (log) => log.verify).pipe(
        Effect.provide(SqlAuditLog.layer.pipe(Layer.provideMerge(Migrations.layer), Layer.provide(Database.sqlite(file)), Layer.orDie))
      )
      assert.strictEqual((yield* verdict)._tag, "Intact", "migrated")
      const writers = yield* Effect.all(
        ["service", "cli"].map((writer) => spawnScript("test/support/scripts/appendAudit.ts", [file, writer, String(PER_WRITER)], {})),
        { concurrency: "unbounded" }
      )
      const exits = yield* Effect.all(writers.map((w) => w.exited), { concurrency: "unbounded" })
      assert.deepStrictEqual(exits, [0, 0], writers.map((w) => w.output()).join("\n"))
      const result = yield* verdict
      assert.deepStrictEqual(result._tag === "Intact" ? result.records : result, PER_WRITER * 2)
    }).pipe(Effect.scoped), 60_000)

  it.live.skipIf(!postgresAvailable)("PostgreSQL: two connection pools append in turn (the head row's lock)", () =>
    Effect.gen(function*() {
      const name = `baton_race_${Date.now().toString(36)}`
      const admin = PgClient.layer({ url: Redacted.make(postgresUrl.href) })
      yield* Effect.acquireRelease(
        Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`CREATE DATABASE ${name}`)).pipe(Effect.provide(admin), Effect.orDie),
        () => Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).pipe(Effect.provide(admin), Effect.orDie)
      )
      const url = new URL(postgresUrl.href)
      url.pathname = `/${name}`
      const first = yield* Layer.build(Migrations.layer.pipe(Layer.provideMerge(Database.postgres(Redacted.make(url.href))), Layer.orDie))
      const second = yield* Layer.build(Database.postgres(Redacted.make(url.href)).pipe(Layer.orDie))
      const verdict = yield* race(Layer.succeedContext(first), Layer.succeedContext(second))
      assert.deepStrictEqual(verdict._tag === "Intact" ? verdict.records : verdict, PER_WRITER * 2)
    }).pipe(Effect.scoped))
})
