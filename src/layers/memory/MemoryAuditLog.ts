import { Effect, Layer } from "effect"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { AuditLog } from "../../orchestration/audit/AuditLog.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

const table = Effect.map(MemoryDatabase, (database) => database.table<ReadonlyArray<AuditRecord>>("audit_log", []))

export const make = Effect.map(table, (rows) =>
  AuditLog.of({
    append: (record) => rows.update((all) => (all.some((r) => r.id === record.id) ? all : [...all, record]))
  }))

export const layer: Layer.Layer<AuditLog, never, MemoryDatabase> = Layer.effect(AuditLog, make)

/** The records appended so far, in append order (for tests). */
export const records: Effect.Effect<ReadonlyArray<AuditRecord>, never, MemoryDatabase> = Effect.flatMap(
  table,
  (rows) => rows.get
)
