import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { TenantSnapshot } from "../../domain/modules/TenantSnapshot.js"
import { TenantStorage } from "../../orchestration/modules/TenantStorage.js"
import { mapErrors } from "../sql/SqlErrors.js"
import { make as makeStorage } from "./SnapshotStorage.js"
import type { TenantDatabases } from "./TenantDatabases.js"

const Stored = Schema.parseJson(TenantSnapshot)

/** Tenants' storage with the backups in the platform's database (`baton_tenant_backups`). */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const find = SqlSchema.findOne({
    Request: Schema.Struct({ jobId: Schema.String, attempt: Schema.Number }),
    Result: Schema.Struct({ snapshot: Stored }),
    execute: ({ attempt, jobId }) => sql`SELECT snapshot FROM baton_tenant_backups WHERE job_id = ${jobId} AND attempt = ${attempt}`
  })
  return yield* makeStorage({
    keep: (tenantId, jobId, attempt, snapshot) =>
      Effect.gen(function*() {
        const encoded = yield* Schema.encode(Stored)(snapshot)
        const at = DateTime.toEpochMillis(yield* DateTime.now)
        yield* sql`INSERT INTO baton_tenant_backups ${
          sql.insert({ job_id: jobId, attempt, tenant_id: tenantId, taken_at: at, snapshot: encoded })
        } ON CONFLICT (job_id, attempt) DO NOTHING`
      }).pipe(mapErrors("TenantStorage.backup")),
    find: (jobId, attempt) => find({ jobId, attempt }).pipe(Effect.map(Option.map((row) => row.snapshot)), mapErrors("TenantStorage.find")),
    discard: (jobId) => sql`DELETE FROM baton_tenant_backups WHERE job_id = ${jobId}`.pipe(Effect.asVoid, mapErrors("TenantStorage.discardBackups"))
  })
})

export const layer: Layer.Layer<TenantStorage, never, SqlClient.SqlClient | TenantDatabases> = Layer.effect(TenantStorage, make)
