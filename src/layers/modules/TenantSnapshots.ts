import { Effect, Option } from "effect"
import { moduleOfKey, nothingUntouched, StoredTable, TenantSnapshot, type Untouched } from "../../domain/modules/TenantSnapshot.js"
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

const outside = (untouched: Untouched) => (table: { readonly name: string }) => !untouched.tables.includes(table.name)

/** The tenant's storage as a value (schema, rows, ledger), but for what `untouched` leaves out. */
export const take = (db: TenantStore, untouched: Untouched = nothingUntouched) =>
  Effect.gen(function*() {
    const described = (yield* describe(db)).filter(outside(untouched))
    const tables = yield* Effect.forEach(described, (table) =>
      Effect.map(rowsOf(db, table.name, table.columns), (rows) => new StoredTable({ ...table, rows })))
    const ledger = yield* db.sql<{ key: string }>`SELECT key FROM ${db.table(ledgerTable)} ORDER BY key`
    return new TenantSnapshot({ tables, ledger: ledger.map((l) => l.key).filter((key) => !untouched.modules.includes(moduleOfKey(key))), untouched })
  })

const sameTable = (a: StoredTable, b: StoredTable) => JSON.stringify([a.definition, a.columns, a.rows]) === JSON.stringify([b.definition, b.columns, b.rows])

/** On PostgreSQL, the foreign keys other tables hold on `table` (a drop with CASCADE removes them). */
const incomingKeys = (db: TenantStore, schema: string, table: string) =>
  db.sql<{ source: string; name: string; def: string }>`
    SELECT conrelid::regclass::text AS source, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE contype = 'f' AND confrelid = ${`"${schema}"."${table}"`}::regclass AND conrelid <> confrelid`

/**
 * Puts the tenant's storage back as `snapshot` has it (but for what it leaves out): tables that
 * differ are dropped and recreated with their rows, tables the snapshot lacks are dropped, equal
 * ones are not touched; then the ledger. Foreign keys that other tables held on a recreated table
 * are added back. Call inside a tenant transaction.
 */
export const restore = (db: TenantStore, snapshot: TenantSnapshot) =>
  Effect.gen(function*() {
    if (db.dialect === "sqlite") yield* db.sql`PRAGMA defer_foreign_keys = ON`
    const current = yield* take(db, snapshot.untouched)
    const stale = current.tables.filter((table) => !snapshot.tables.some((kept) => sameTable(kept, table)))
    const rebuilt = snapshot.tables.filter((kept) => !current.tables.some((table) => sameTable(kept, table)))
    const schema = Option.getOrUndefined(db.schema)
    const incoming = schema === undefined ? [] : (yield* Effect.forEach(rebuilt.filter((t) => current.tables.some((c) => c.name === t.name)), (t) =>
      incomingKeys(db, schema, t.name))).flat().filter((key) => !stale.some((t) => key.source === `${schema}.${t.name}` || key.source === t.name))
    for (const table of stale) yield* db.sql`DROP TABLE IF EXISTS ${db.table(table.name)}${db.sql.literal(db.dialect === "pg" ? " CASCADE" : "")}`
    for (const table of rebuilt) {
      yield* db.sql.unsafe(table.definition[0] ?? "")
      for (const row of table.rows) {
        const values = Object.fromEntries(table.columns.map((column, i) => [column, fromJson(row[i] ?? null)]))
        yield* db.sql`INSERT INTO ${db.table(table.name)} ${db.sql.insert(values)}`
      }
    }
    for (const table of rebuilt) for (const statement of table.definition.slice(1)) yield* db.sql.unsafe(statement)
    for (const key of incoming) yield* db.sql.unsafe(`ALTER TABLE ${key.source} ADD CONSTRAINT "${key.name}" ${key.def}`)
    for (const key of current.ledger) yield* db.sql`DELETE FROM ${db.table(ledgerTable)} WHERE key = ${key}`
    for (const key of snapshot.ledger) {
      yield* db.sql`INSERT INTO ${db.table(ledgerTable)} ${db.sql.insert({ key, module: moduleOfKey(key), applied_at: 0 })}`
    }
  })
