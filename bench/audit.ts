import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { DateTime, Effect, Layer } from "effect"
import { AuditIntent, AuditRecord } from "../src/domain/audit/AuditIntent.js"
import { fieldsOf } from "../src/domain/audit/AuditChain.js"
import { SystemActor } from "../src/domain/shared/Actor.js"
import { IntentId } from "../src/domain/shared/Ids.js"
import * as Database from "../src/layers/sql/Database.js"
import * as Migrations from "../src/layers/sql/Migrations.js"
import * as SqlAuditLog from "../src/layers/sql/SqlAuditLog.js"
import { AuditLog } from "../src/orchestration/audit/AuditLog.js"
import type { Benchmark, Row } from "./support/Benchmark.js"
import { waitForQuiet } from "./support/Cpu.js"

const CONCURRENCY = 8

const record = (run: string, n: number) =>
  new AuditRecord({
    id: IntentId.make(`${run}-${n}`),
    occurredAt: DateTime.unsafeMake(1_800_000_000_000 + n),
    intent: new AuditIntent({ action: "settings.set", actor: new SystemActor({ component: "bench" }), outcome: "SettingUpdated", details: { n } })
  })

/** Records per second of `f` over `count` records, `CONCURRENCY` at a time (as the outbox dispatcher delivers). */
const rate = <E, R>(count: number, f: (n: number) => Effect.Effect<unknown, E, R>) =>
  Effect.gen(function*() {
    const start = performance.now()
    yield* Effect.forEach(Array.from({ length: count }, (_, n) => n), f, { concurrency: CONCURRENCY, discard: true })
    return count / ((performance.now() - start) / 1000)
  })

/**
 * The chained append (head row locked, SHA-256, insert, head updated, in one transaction)
 * against the append before the chain (one idempotent INSERT of the same columns into a table
 * of the old shape), and the chain walk of `verify` (pages of 1,000, every record re-hashed)
 * against reading the same rows in one SELECT.
 */
const measure = (count: number) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const log = yield* AuditLog
    yield* sql`CREATE TABLE bench_plain_audit AS SELECT id, occurred_at, action, actor, outcome, target_type, target_id, tenant_id, reason, record FROM baton_audit_log WHERE 1 = 0`
    yield* sql`CREATE UNIQUE INDEX bench_plain_audit_id ON bench_plain_audit (id)`
    const plain = (n: number) => {
      const f = fieldsOf(record("plain", n))
      return sql`INSERT INTO bench_plain_audit ${
        sql.insert({ id: f.id, occurred_at: f.occurredAt, action: f.action, actor: f.actor, outcome: f.outcome, target_type: f.targetType, target_id: f.targetId, tenant_id: f.tenantId, reason: f.reason, record: f.record })
      } ON CONFLICT (id) DO NOTHING`
    }
    yield* Effect.promise(() => waitForQuiet())
    const plainAppends = yield* rate(count, plain)
    const chainedAppends = yield* rate(count, (n) => log.append([record("chained", n)]))
    const readStart = performance.now()
    const rows = yield* sql`SELECT * FROM baton_audit_log ORDER BY chain_seq`
    const readRate = rows.length / ((performance.now() - readStart) / 1000)
    const verifyStart = performance.now()
    const verdict = yield* log.verify
    const verifyRate = count / ((performance.now() - verifyStart) / 1000)
    if (verdict._tag !== "Intact") return yield* Effect.dieMessage(`the chain is ${verdict._tag}`)
    return { plainAppends, chainedAppends, readRate, verifyRate }
  })

const onSqliteFile = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient | AuditLog>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-bench-audit-"))),
    (dir) => effect.pipe(Effect.provide(SqlAuditLog.layer.pipe(Layer.provideMerge(Migrations.layer), Layer.provideMerge(Database.sqlite(join(dir, "baton.db")))))),
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )

export const benchmark: Benchmark = {
  name: "audit",
  title: "the hash-chained audit log on a SQLite file: appends and verification against the unchained log",
  run: async ({ quick }) => {
    const count = quick ? 1_000 : 5_000
    const result = await Effect.runPromise(onSqliteFile(measure(count)).pipe(Effect.orDie))
    const rows: ReadonlyArray<Row> = [
      { operation: "append, unchained (one INSERT)", "records/s": result.plainAppends },
      { operation: "append, chained (lock, hash, insert, head)", "records/s": result.chainedAppends },
      { operation: "read every record (one SELECT)", "records/s": result.readRate },
      { operation: "verify (walk, re-hash every record)", "records/s": result.verifyRate }
    ]
    return {
      notes: [`${count} records, ${CONCURRENCY} appends in flight (the dispatcher's concurrency), WAL, synchronous = NORMAL`],
      rows,
      figures: [
        { name: "chained appends", unit: "records/s", value: result.chainedAppends, baselineName: "unchained appends", baseline: result.plainAppends, target: { atLeast: 0.25 } },
        { name: "verify", unit: "records/s", value: result.verifyRate, baselineName: "read and decode", baseline: result.readRate }
      ]
    }
  }
}
