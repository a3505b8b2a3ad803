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
 * The part of a tenant's storage a job leaves alone: the tables and ledger entries of the modules
 * installed there that the job does not install, upgrade or remove. Their data keeps changing
 * while the job runs (their endpoints answer), so a backup neither holds nor restores them.
 */
export class Untouched extends Schema.Class<Untouched>("Untouched")({
  tables: Schema.Array(Schema.String),
  modules: Schema.Array(Schema.String)
}) {}

export const nothingUntouched = new Untouched({ tables: [], modules: [] })

/**
 * A tenant's storage as a value: its module tables (schema and data) and the ledger of the module
 * steps applied to it, except what `untouched` leaves out. Two snapshots with the same exclusions
 * are equal exactly when that part of the storage is the same; an empty storage and a missing one
 * are equal.
 */
export class TenantSnapshot extends Schema.Class<TenantSnapshot>("TenantSnapshot")({
  tables: Schema.Array(StoredTable),
  ledger: Schema.Array(Schema.String),
  untouched: Schema.optionalWith(Untouched, { default: () => nothingUntouched })
}) {}

export const emptySnapshot = new TenantSnapshot({ tables: [], ledger: [] })

/** The module a ledger key belongs to (`migration:<module>:<id>`, `setup:<module>`). */
export const moduleOfKey = (key: string): string => key.split(":")[1] ?? ""

const encode = Schema.encodeSync(TenantSnapshot)

/** Whether two snapshots describe the same storage. */
export const sameStorage = (a: TenantSnapshot, b: TenantSnapshot): boolean => JSON.stringify(encode(a)) === JSON.stringify(encode(b))
