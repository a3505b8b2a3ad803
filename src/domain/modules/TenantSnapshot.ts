import { Schema } from "effect"
import { Json } from "../shared/Json.js"

/** A table of a tenant's storage: its definition (DDL, indexes) and every row, in a canonical order. */
export class StoredTable extends Schema.Class<StoredTable>("StoredTable")({
  name: Schema.String,
  definition: Schema.Array(Schema.String),
  columns: Schema.Array(Schema.String),
  rows: Schema.Array(Schema.Array(Json))
}) {}

/**
 * A tenant's storage as a value: its module tables (schema and data) and the ledger of the module
 * steps applied to it. Two snapshots are equal exactly when the storage is the same; an empty
 * storage and a missing one are equal.
 */
export class TenantSnapshot extends Schema.Class<TenantSnapshot>("TenantSnapshot")({
  tables: Schema.Array(StoredTable),
  ledger: Schema.Array(Schema.String)
}) {}

export const emptySnapshot = new TenantSnapshot({ tables: [], ledger: [] })

const encode = Schema.encodeSync(TenantSnapshot)

/** Whether two snapshots describe the same storage. */
export const sameStorage = (a: TenantSnapshot, b: TenantSnapshot): boolean => JSON.stringify(encode(a)) === JSON.stringify(encode(b))
