import type * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import { Effect, Schema } from "effect"
import { Day } from "../../domain/supply/Calendar.js"
import { SqlNullableNumber, SqlNumber } from "./SqlErrors.js"

/** Column codecs and statement helpers shared by the supply adapters. */

/** A whole-number column (BIGINT comes back as a string from some drivers). */
export const IntColumn = Schema.compose(SqlNumber, Schema.Int)

/** A nullable whole-number column, as an optional value. */
export const OptionalIntColumn = Schema.compose(SqlNullableNumber, Schema.NullOr(Schema.Int))

/** A flag stored as 0/1 in both dialects. */
export const FlagColumn = Schema.transform(SqlNumber, Schema.Boolean, {
  strict: true,
  decode: (n) => n !== 0,
  encode: (b) => (b ? 1 : 0)
})

export const DayColumn = Day

/** A JSON document in a text column. */
export const JsonColumn = <A, I>(schema: Schema.Schema<A, I>) => Schema.parseJson(schema)

/** `undefined` for SQL NULL, for optional fields. */
export const optional = <A>(value: A | null): { readonly value?: A } => (value === null ? {} : { value })

/** Runs `write` over rows in batches (SQLite caps the bound parameters of one statement). */
export const inBatches = <A, E, R>(rows: ReadonlyArray<A>, write: (batch: ReadonlyArray<A>) => Effect.Effect<unknown, E, R>, size = 200) =>
  Effect.forEach(
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size)),
    write,
    { discard: true }
  )

/** A column ordered by code points in both dialects (PostgreSQL collations would order by locale). */
export const byCode = (sql: SqlClient.SqlClient, column: string) =>
  sql.onDialectOrElse({ pg: () => sql.literal(`${column} COLLATE "C"`), orElse: () => sql.literal(column) })

/** Decodes rows with a schema. */
export const decodeRows = <A, I>(row: Schema.Schema<A, I>) => Schema.decodeUnknown(Schema.Array(row))

/** An order document's tables: its headers (read as `o`) and its lines (read as `l`, keyed by tenant and order id). */
export interface OrderTables<H, HI, L, LI> {
  readonly orders: string
  readonly lines: string
  readonly header: Schema.Schema<H, HI>
  readonly line: Schema.Schema<L, LI>
}

/**
 * The orders `where` selects (over `o`), in code order, each built by `toOrder` from its header
 * and its lines in line order: two statements, whatever the number of orders.
 */
export const ordersWithLines = <H extends { readonly id: string }, HI, L extends { readonly order_id: string }, LI, Line, Order, E, R>(
  sql: SqlClient.SqlClient,
  tables: OrderTables<H, HI, L, LI>,
  where: Statement.Fragment,
  toLine: (row: L) => Line,
  toOrder: (header: H, lines: ReadonlyArray<Line>) => Effect.Effect<Order, E, R>
) =>
  Effect.gen(function*() {
    const headers = yield* sql`SELECT o.* FROM ${sql(tables.orders)} o WHERE ${where} ORDER BY ${byCode(sql, "o.id")}`.pipe(
      Effect.flatMap(decodeRows(tables.header))
    )
    const lines = yield* sql`SELECT l.* FROM ${sql(tables.lines)} l JOIN ${sql(tables.orders)} o
      ON o.tenant_id = l.tenant_id AND o.id = l.order_id WHERE ${where} ORDER BY l.line_no`.pipe(Effect.flatMap(decodeRows(tables.line)))
    const byOrder = new Map<string, Array<Line>>()
    for (const line of lines) {
      const of = byOrder.get(line.order_id)
      if (of === undefined) byOrder.set(line.order_id, [toLine(line)])
      else of.push(toLine(line))
    }
    return yield* Effect.forEach(headers, (header) => toOrder(header, byOrder.get(header.id) ?? []))
  })
