import * as SqlClient from "@effect/sql/SqlClient"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { SalesOrderId } from "../../domain/supply/Ids.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { CallbackTokens } from "../../orchestration/fulfilment/CallbackTokens.js"
import * as Tokens from "../crypto/Tokens.js"
import { mapErrors } from "./SqlErrors.js"
import { decodeRows, IntColumn } from "./SqlSupplyRows.js"

const HolderRow = Schema.Struct({ tenant_id: TenantId, sales_order_id: SalesOrderId, line_no: IntColumn })

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  return CallbackTokens.of({
    issue: (holder, at) =>
      Effect.gen(function*() {
        const token = Tokens.mint("bdt_")
        yield* sql`INSERT INTO baton_dropship_tokens ${
          sql.insert({
            token_hash: Tokens.digest(token),
            tenant_id: holder.tenantId,
            sales_order_id: holder.salesOrderId,
            line_no: holder.lineNo,
            status: "live",
            issued_at: DateTime.toEpochMillis(at),
            closed_at: null
          })
        }`
        return token
      }).pipe(mapErrors("CallbackTokens.issue")),
    find: (token) =>
      sql`SELECT tenant_id, sales_order_id, line_no FROM baton_dropship_tokens WHERE token_hash = ${Tokens.digest(token)} AND status = 'live'`.pipe(
        Effect.flatMap(decodeRows(HolderRow)),
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => ({ tenantId: r.tenant_id, salesOrderId: r.sales_order_id, lineNo: r.line_no }))),
        mapErrors("CallbackTokens.find")
      ),
    spend: (token, at) =>
      sql`UPDATE baton_dropship_tokens SET status = 'spent', closed_at = ${DateTime.toEpochMillis(at)}
        WHERE token_hash = ${Tokens.digest(token)} AND status = 'live' RETURNING token_hash`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("CallbackTokens.spend")
      ),
    revoke: (holder, at) =>
      sql`UPDATE baton_dropship_tokens SET status = 'revoked', closed_at = ${DateTime.toEpochMillis(at)}
        WHERE tenant_id = ${holder.tenantId} AND sales_order_id = ${holder.salesOrderId} AND line_no = ${holder.lineNo}
        AND status = 'live' RETURNING token_hash`.pipe(Effect.map((rows) => rows.length), mapErrors("CallbackTokens.revoke"))
  })
})

export const layer: Layer.Layer<CallbackTokens, never, SqlClient.SqlClient> = Layer.effect(CallbackTokens, make)
