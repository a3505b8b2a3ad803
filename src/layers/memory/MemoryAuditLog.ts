import { Effect, Layer } from "effect"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { AuditLog } from "../../orchestration/audit/AuditLog.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

/** The audit log in memory; `records` reads it back in append order. */
export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table<ReadonlyArray<AuditRecord>>("audit_log", [])
  return {
    records: rows.get,
    auditLog: AuditLog.of({
      append: (record) => rows.update((all) => (all.some((r) => r.id === record.id) ? all : [...all, record]))
    })
  }
})

export const layer: Layer.Layer<AuditLog, never, MemoryDatabase> = Layer.effect(
  AuditLog,
  Effect.map(make, (_) => _.auditLog)
)

/** The records appended so far (for tests). */
export const records = Effect.gen(function*() {
  return yield* (yield* MemoryDatabase).table<ReadonlyArray<AuditRecord>>("audit_log", []).get
})
