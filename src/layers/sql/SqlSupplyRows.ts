import type * as SqlClient from "@effect/sql/SqlClient"
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
