import { Schema } from "effect"

/** A JSON value, as stored in settings and intent payloads. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

export const Json: Schema.Schema<Json> = Schema.suspend(
  (): Schema.Schema<Json> =>
    Schema.Union(
      Schema.Null,
      Schema.Boolean,
      Schema.Number,
      Schema.String,
      Schema.Array(Json),
      Schema.Record({ key: Schema.String, value: Json })
    )
).annotations({ identifier: "Json" })

/** A JSON object. */
export const JsonObject = Schema.Record({ key: Schema.String, value: Json })
export type JsonObject = typeof JsonObject.Type
