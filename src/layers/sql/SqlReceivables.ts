import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Layer, Option, Schema } from "effect"
import { ReceivableDocument } from "../../domain/supply/Receivable.js"
import { Receivables } from "../../orchestration/supply/Receivables.js"
import { mapErrors } from "./SqlErrors.js"
import { decodeRows, JsonColumn } from "./SqlSupplyRows.js"

const DocumentRow = Schema.Struct({ document: JsonColumn(ReceivableDocument) })

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const byKey = (tenant: string, key: string) =>
    sql`SELECT document FROM baton_supply_receivables WHERE tenant_id = ${tenant} AND key = ${key}`.pipe(
      Effect.flatMap(decodeRows(DocumentRow)),
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => r.document))
    )

  return Receivables.of({
    issue: (tenant, document) =>
      Effect.gen(function*() {
        const json = yield* Schema.encode(JsonColumn(ReceivableDocument))(document)
        const inserted = yield* sql`INSERT INTO baton_supply_receivables ${
          sql.insert({ tenant_id: tenant, id: document.id, key: document.key, kind: document.kind, sales_order_id: document.salesOrderId, document: json })
        } ON CONFLICT (tenant_id, key) DO NOTHING RETURNING id`
        if (inserted.length > 0) return { created: true, document }
        const existing = yield* byKey(tenant, document.key)
        return { created: false, document: Option.getOrElse(existing, () => document) }
      }).pipe(mapErrors("Receivables.issue")),
    find: (tenant, id) =>
      sql`SELECT document FROM baton_supply_receivables WHERE tenant_id = ${tenant} AND id = ${id}`.pipe(
        Effect.flatMap(decodeRows(DocumentRow)),
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => r.document)),
        mapErrors("Receivables.find")
      ),
    forSalesOrder: (tenant, salesOrderId) =>
      sql`SELECT document FROM baton_supply_receivables WHERE tenant_id = ${tenant} AND sales_order_id = ${salesOrderId} ORDER BY seq`.pipe(
        Effect.flatMap(decodeRows(DocumentRow)),
        Effect.map((rows) => rows.map((r) => r.document)),
        mapErrors("Receivables.forSalesOrder")
      )
  })
})

export const layer: Layer.Layer<Receivables, never, SqlClient.SqlClient> = Layer.effect(Receivables, make)
