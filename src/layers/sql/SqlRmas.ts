import * as SqlClient from "@effect/sql/SqlClient"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Rma } from "../../domain/returns/Rma.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { AWAITING, Rmas } from "../../orchestration/returns/Rmas.js"
import { mapErrors } from "./SqlErrors.js"
import { byCode, decodeRows, JsonColumn } from "./SqlSupplyRows.js"

const RmaRow = Schema.Struct({ rma: JsonColumn(Rma) })
const TenantRmaRow = Schema.Struct({ tenant_id: TenantId, rma: JsonColumn(Rma) })
const encode = Schema.encode(JsonColumn(Rma))

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const decode = (rows: ReadonlyArray<unknown>) => Effect.map(decodeRows(RmaRow)(rows), (decoded) => decoded.map((r) => r.rma))
  const columns = (tenant: TenantId, rma: Rma, json: string) => ({
    tenant_id: tenant,
    id: rma.id,
    state: rma.state,
    sales_order_id: rma.salesOrderId,
    sku: rma.sku,
    requested_at: DateTime.toEpochMillis(rma.requestedAt),
    version: rma.version,
    rma: json
  })
  const id = byCode(sql, "id")

  return Rmas.of({
    insert: (tenant, rma) =>
      Effect.flatMap(encode(rma), (json) =>
        sql`INSERT INTO baton_returns_rmas ${sql.insert(columns(tenant, rma, json))} ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`).pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Rmas.insert")
      ),
    find: (tenant, rmaId) =>
      sql`SELECT rma FROM baton_returns_rmas WHERE tenant_id = ${tenant} AND id = ${rmaId}`.pipe(
        Effect.flatMap(decode),
        Effect.map((rmas) => Option.fromNullable(rmas[0])),
        mapErrors("Rmas.find")
      ),
    update: (tenant, rma) =>
      Effect.flatMap(encode(rma), (json) =>
        sql`UPDATE baton_returns_rmas SET state = ${rma.state}, version = ${rma.version}, rma = ${json}
          WHERE tenant_id = ${tenant} AND id = ${rma.id} AND version = ${rma.version - 1} RETURNING id`).pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Rmas.update")
      ),
    forSalesOrder: (tenant, salesOrderId) =>
      sql`SELECT rma FROM baton_returns_rmas WHERE tenant_id = ${tenant} AND sales_order_id = ${salesOrderId} ORDER BY ${id}`.pipe(
        Effect.flatMap(decode),
        mapErrors("Rmas.forSalesOrder")
      ),
    list: (tenant, filter) =>
      sql`SELECT rma FROM baton_returns_rmas WHERE ${
        sql.and([
          sql`tenant_id = ${tenant}`,
          ...(filter.state === undefined ? [] : [sql`state = ${filter.state}`]),
          ...(filter.salesOrderId === undefined ? [] : [sql`sales_order_id = ${filter.salesOrderId}`]),
          ...(filter.sku === undefined ? [] : [sql`sku = ${filter.sku}`]),
          ...(filter.from === undefined ? [] : [sql`requested_at >= ${DateTime.toEpochMillis(filter.from)}`]),
          ...(filter.to === undefined ? [] : [sql`requested_at < ${DateTime.toEpochMillis(filter.to)}`]),
          ...(filter.after === undefined ? [] : [sql`${id} > ${filter.after}`])
        ])
      } ORDER BY ${id} LIMIT ${filter.limit}`.pipe(
        Effect.flatMap(decode),
        mapErrors("Rmas.list")
      ),
    awaiting: (limit) =>
      sql`SELECT tenant_id, rma FROM baton_returns_rmas WHERE ${sql.in("state", AWAITING)}
          ORDER BY requested_at, tenant_id, id LIMIT ${limit}`.pipe(
        Effect.flatMap(decodeRows(TenantRmaRow)),
        Effect.map((rows) => rows.map((row) => ({ tenantId: row.tenant_id, rma: row.rma }))),
        mapErrors("Rmas.awaiting")
      )
  })
})

export const layer: Layer.Layer<Rmas, never, SqlClient.SqlClient> = Layer.effect(Rmas, make)
