import * as SqlClient from "@effect/sql/SqlClient"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Dropship } from "../../domain/fulfilment/Dropship.js"
import { Dropships } from "../../orchestration/fulfilment/Dropships.js"
import { mapErrors } from "./SqlErrors.js"
import { byCode, decodeRows, JsonColumn } from "./SqlSupplyRows.js"

const RecordRow = Schema.Struct({ record: JsonColumn(Dropship) })
const encode = Schema.encode(JsonColumn(Dropship))

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const records = (rows: ReadonlyArray<unknown>) => Effect.map(decodeRows(RecordRow)(rows), (decoded) => decoded.map((r) => r.record))

  return Dropships.of({
    create: (dropship) =>
      Effect.gen(function*() {
        const record = yield* encode(dropship)
        const inserted = yield* sql`INSERT INTO baton_dropships ${
          sql.insert({
            tenant_id: dropship.tenantId,
            sales_order_id: dropship.salesOrderId,
            line_no: dropship.lineNo,
            state: dropship.state,
            version: dropship.version,
            updated_at: DateTime.toEpochMillis(dropship.updatedAt),
            record
          })
        } ON CONFLICT (tenant_id, sales_order_id, line_no) DO NOTHING RETURNING line_no`
        return inserted.length > 0
      }).pipe(mapErrors("Dropships.create")),
    find: (tenant, salesOrderId, lineNo) =>
      sql`SELECT record FROM baton_dropships WHERE tenant_id = ${tenant} AND sales_order_id = ${salesOrderId} AND line_no = ${lineNo}`.pipe(
        Effect.flatMap(records),
        Effect.map((found) => Option.fromNullable(found[0])),
        mapErrors("Dropships.find")
      ),
    list: (tenant, filter) =>
      sql`SELECT record FROM baton_dropships WHERE tenant_id = ${tenant}
        AND ${filter.states === undefined ? sql.literal("1=1") : sql.in("state", filter.states)}
        ORDER BY ${byCode(sql, "sales_order_id")}, line_no`.pipe(Effect.flatMap(records), mapErrors("Dropships.list")),
    unsettled: (limit) =>
      sql`SELECT record FROM baton_dropships WHERE state NOT IN ('Fulfilled', 'Cancelled', 'VendorRejected')
        ORDER BY updated_at, tenant_id, sales_order_id, line_no LIMIT ${limit}`.pipe(Effect.flatMap(records), mapErrors("Dropships.unsettled")),
    update: (next, expectedVersion) =>
      Effect.gen(function*() {
        const record = yield* encode(next)
        const updated = yield* sql`UPDATE baton_dropships SET state = ${next.state}, version = ${next.version},
          updated_at = ${DateTime.toEpochMillis(next.updatedAt)}, record = ${record}
          WHERE tenant_id = ${next.tenantId} AND sales_order_id = ${next.salesOrderId} AND line_no = ${next.lineNo}
          AND version = ${expectedVersion} RETURNING line_no`
        return updated.length > 0
      }).pipe(mapErrors("Dropships.update"))
  })
})

export const layer: Layer.Layer<Dropships, never, SqlClient.SqlClient> = Layer.effect(Dropships, make)
