import * as SqlClient from "@effect/sql/SqlClient"
import { Context, Effect, Layer } from "effect"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as MemoryAuditLog from "../../src/layers/memory/MemoryAuditLog.js"
import type { MemoryDatabase } from "../../src/layers/memory/MemoryDatabase.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"
import type { NotificationChannels } from "../../src/orchestration/notifications/NotificationChannels.js"
import { sqlDatabases } from "./TestDatabases.js"

/** Reads the audit log back, whatever stores it (tests only). */
export class AuditReader extends Context.Tag("test/AuditReader")<AuditReader, {
  /** Ids of the audit log's records, in append order. */
  readonly ids: Effect.Effect<ReadonlyArray<string>>
}>() {}

export type TestPorts = SqlPorts.Ports | NotificationChannels | RecordingNotificationChannels.ChannelRecorder | AuditReader

export interface AdapterFamily {
  readonly name: string
  readonly skip: boolean
  /** A fresh set of ports over fresh storage on every build. */
  readonly layer: Layer.Layer<TestPorts>
}

const memoryAuditReader = Layer.effect(
  AuditReader,
  Effect.map(Effect.context<MemoryDatabase>(), (context) =>
    AuditReader.of({
      ids: MemoryAuditLog.records.pipe(
        Effect.map((records) => records.map((record) => record.id)),
        Effect.provide(context)
      )
    }))
)

const memory: AdapterFamily = {
  name: "memory",
  skip: false,
  layer: memoryAuditReader.pipe(Layer.provideMerge(MemoryPorts.layer()))
}

const sqlAuditReader = Layer.effect(
  AuditReader,
  Effect.map(SqlClient.SqlClient, (sql) =>
    AuditReader.of({
      ids: sql<{ id: string }>`SELECT id FROM baton_audit_log ORDER BY seq`.pipe(
        Effect.map((rows) => rows.map((row) => row.id)),
        Effect.orDie
      )
    }))
)

export interface SqlAdapterFamily extends AdapterFamily {
  /** The same, with the SQL client underneath, for tests that read or break the stored rows. */
  readonly layer: Layer.Layer<TestPorts | SqlClient.SqlClient>
}

/** SQLite and (when reachable) PostgreSQL, each a new migrated database per build. */
export const sqlAdapterFamilies: ReadonlyArray<SqlAdapterFamily> = sqlDatabases.map((database) => ({
  name: database.name,
  skip: database.skip,
  layer: Layer.mergeAll(sqlAuditReader, SqlPorts.layer).pipe(
    Layer.provideMerge(RecordingNotificationChannels.layer()),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(database.layer)
  )
}))

/** Memory, SQLite and (when reachable) PostgreSQL: the adapters every contract suite runs against. */
export const adapterFamilies: ReadonlyArray<AdapterFamily> = [memory, ...sqlAdapterFamilies]
