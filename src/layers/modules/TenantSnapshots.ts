import { Effect, Option } from "effect"
import { StoredTable, TenantSnapshot } from "../../domain/modules/TenantSnapshot.js"
import type { Json } from "../../domain/shared/Json.js"
import { ledgerTable, type TenantStore } from "./TenantDatabases.js"

/** A column value as JSON: bytes as `{ "$bytes": base64 }`, dates as ISO strings, big integers as strings. */
const toJson = (value: unknown): Json => {
  if (value === null || value === undefined) return null
  if (typeof value === "bigint") return value.toString()
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") }
  if (typeof value === "object") return JSON.stringify(value)
  return value as Json
}

const fromJson = (value: Json): unknown =>
  value !== null && typeof value === "object" && !Array.isArray(value) && "$bytes" in value && typeof value["$bytes"] === "string"
    ? Buffer.from(value["$bytes"], "base64")
    : value

const rowsOf = (db: TenantStore, table: string, columns: ReadonlyArray<string>) =>
  Effect.map(db.sql<Record<string, unknown>>`SELECT * FROM ${db.table(table)}`, (rows) =>
    rows.map((row) => columns.map((column) => toJson(row[column]))).sort((a, b) => {
      const [x, y] = [JSON.stringify(a), JSON.stringify(b)]
      return x < y ? -1 : x > y ? 1 : 0
    }))

interface Described {
  readonly name: string
  /** `CREATE TABLE` first, then what must come after the rows (constraints, indexes, triggers). */
  readonly definition: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
}

const describeSqlite = (db: TenantStore) =>
  Effect.gen(function*() {
    const objects = yield* db.sql<{ type: string; name: string; tbl_name: string; sql: string }>`
      SELECT type, name, tbl_name, sql FROM sqlite_master
      WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND tbl_name <> ${ledgerTable} ORDER BY name`
    return yield* Effect.forEach(objects.filter((o) => o.type === "table"), (table) =>
      Effect.map(db.sql<{ name: string }>`SELECT name FROM pragma_table_info(${table.name}) ORDER BY cid`, (columns): Described => ({
        name: table.name,
        definition: [table.sql, ...objects.filter((o) => o.type !== "table" && o.tbl_name === table.name).map((o) => o.sql)],
        columns: columns.map((c) => c.name)
      })))
  })

const describePg = (db: TenantStore, schema: string) =>
  Effect.gen(function*() {
    const tables = yield* db.sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND c.relkind = 'r' AND c.relname <> ${ledgerTable} ORDER BY c.relname`
    return yield* Effect.forEach(tables, ({ name }) =>
      Effect.gen(function*() {
        const relation = `"${schema}"."${name}"`
        const columns = yield* db.sql<{ name: string; type: string; notnull: boolean; dflt: string | null }>`
          SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
                 pg_get_expr(d.adbin, d.adrelid) AS dflt
          FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = ${relation}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`
        const constraints = yield* db.sql<{ name: string; def: string }>`
          SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE conrelid = ${relation}::regclass AND contype <> 'n' ORDER BY contype = 'f', conname`
        const indexes = yield* db.sql<{ def: string }>`
          SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
          WHERE i.indrelid = ${relation}::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
          ORDER BY 1`
        const columnDefs = columns.map((c) => `"${c.name}" ${c.type}${c.notnull ? " NOT NULL" : ""}${c.dflt === null ? "" : ` DEFAULT ${c.dflt}`}`)
        return {
          name,
          definition: [
            `CREATE TABLE ${relation} (${columnDefs.join(", ")})`,
            ...constraints.map((c) => `ALTER TABLE ${relation} ADD CONSTRAINT "${c.name}" ${c.def}`),
            ...indexes.map((i) => i.def)
          ],
          columns: columns.map((c) => c.name)
        } satisfies Described
      }))
  })

const describe = (db: TenantStore) =>
  Option.match(db.schema, { onNone: () => describeSqlite(db), onSome: (schema) => describePg(db, schema) })

/** The tenant's storage as a value (schema, rows, ledger). */
export const take = (db: TenantStore) =>
  Effect.gen(function*() {
    const described = yield* describe(db)
    const tables = yield* Effect.forEach(described, (table) =>
      Effect.map(rowsOf(db, table.name, table.columns), (rows) => new StoredTable({ ...table, rows })))
    const ledger = yield* db.sql<{ key: string }>`SELECT key FROM ${db.table(ledgerTable)} ORDER BY key`
    return new TenantSnapshot({ tables, ledger: ledger.map((l) => l.key) })
  })

/** Replaces the tenant's storage with a snapshot: call inside a tenant transaction. */
export const restore = (db: TenantStore, snapshot: TenantSnapshot) =>
  Effect.gen(function*() {
    if (db.dialect === "sqlite") yield* db.sql`PRAGMA defer_foreign_keys = ON`
    for (const table of yield* describe(db)) yield* db.sql`DROP TABLE IF EXISTS ${db.table(table.name)}${db.sql.literal(db.dialect === "pg" ? " CASCADE" : "")}`
    for (const table of snapshot.tables) {
      yield* db.sql.unsafe(table.definition[0] ?? "")
      for (const row of table.rows) {
        const values = Object.fromEntries(table.columns.map((column, i) => [column, fromJson(row[i] ?? null)]))
        yield* db.sql`INSERT INTO ${db.table(table.name)} ${db.sql.insert(values)}`
      }
    }
    for (const table of snapshot.tables) {
      for (const statement of table.definition.slice(1)) yield* db.sql.unsafe(statement)
    }
    yield* db.sql`DELETE FROM ${db.table(ledgerTable)}`
    for (const key of snapshot.ledger) {
      yield* db.sql`INSERT INTO ${db.table(ledgerTable)} ${db.sql.insert({ key, module: key.split(":")[1] ?? "", applied_at: 0 })}`
    }
  })
