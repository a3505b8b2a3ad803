import * as SqlClient from "@effect/sql/SqlClient"
import { DateTime, Effect, Layer, Schema } from "effect"
import { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { actorRef } from "../../domain/shared/Actor.js"
import { AuditLog } from "../../orchestration/audit/AuditLog.js"
import { mapErrors } from "./SqlErrors.js"

const encodeRecord = Schema.encode(Schema.parseJson(AuditRecord))

/** The append-only `baton_audit_log` table (UPDATE and DELETE are refused by triggers). */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  return AuditLog.of({
    append: (record) =>
      Effect.gen(function*() {
        const { intent } = record
        yield* sql`INSERT INTO baton_audit_log ${
          sql.insert({
            id: record.id,
            occurred_at: DateTime.toEpochMillis(record.occurredAt),
            action: intent.action,
            actor: actorRef(intent.actor),
            outcome: intent.outcome,
            target_type: intent.target?.type ?? null,
            target_id: intent.target?.id ?? null,
            tenant_id: intent.tenantId ?? null,
            reason: intent.reason ?? null,
            record: yield* encodeRecord(record)
          })
        } ON CONFLICT (id) DO NOTHING`
      }).pipe(mapErrors("AuditLog.append"))
  })
})

export const layer: Layer.Layer<AuditLog, never, SqlClient.SqlClient> = Layer.effect(AuditLog, make)
