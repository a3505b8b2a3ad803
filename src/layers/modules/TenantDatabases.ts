import { mkdirSync } from "node:fs"
import { dirname, join } from "node:path"
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Context, Effect, Layer, Option, Scope } from "effect"
import { ContractViolation } from "../../domain/shared/Defects.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { TenantDb } from "./ModuleDefinition.js"

/** A tenant's storage as baton's adapters see it: the module view, plus where it is. */
export interface TenantStore extends TenantDb {
  readonly dialect: "sqlite" | "pg"
  /** The tenant's PostgreSQL schema; none on SQLite (one database per tenant). */
  readonly schema: Option.Option<string>
}

/** The ledger of module steps applied to a tenant's storage, kept inside that storage. */
export const ledgerTable = "baton_module_ledger"

/**
 * Each tenant's own storage: a schema `tenant_<id>` on PostgreSQL, a database file
 * `tenants/<id>.db` beside the platform's SQLite file (or an in-memory database when the platform's
 * is in memory). Created on first use, with its ledger. On SQLite a tenant transaction is its own
 * (it never joins the platform's); on PostgreSQL it joins the platform's transaction when there is one.
 */
export class TenantDatabases extends Context.Tag("baton/layers/modules/TenantDatabases")<TenantDatabases, {
  readonly transaction: <A, E, R>(tenantId: TenantId, work: (db: TenantStore) => Effect.Effect<A, E, R>) => Effect.Effect<A, E | SqlError, R>
  readonly read: <A, E, R>(tenantId: TenantId, work: (db: TenantStore) => Effect.Effect<A, E, R>) => Effect.Effect<A, E | SqlError, R>
}>() {}

const slug = (tenantId: TenantId) =>
  /^[a-z][a-z0-9-]{0,62}$/.test(tenantId)
    ? Effect.succeed(tenantId)
    : Effect.die(new ContractViolation({ message: `tenant id ${JSON.stringify(tenantId)} cannot name a storage` }))

/** Leaves the platform's transaction (if any): statements of another client must not run on its connection. */
const outsidePlatformTransaction = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.mapInputContext(effect, (context: Context.Context<R>) => Context.omit(SqlClient.TransactionConnection)(context) as Context.Context<R>)

const ensureLedger = (db: TenantStore) =>
  db.sql`CREATE TABLE IF NOT EXISTS ${db.table(ledgerTable)} (key TEXT PRIMARY KEY, module TEXT NOT NULL, applied_at BIGINT NOT NULL)`

const makeSqlite = (directory: Option.Option<string>) =>
  Effect.gen(function*() {
    const scope = yield* Effect.scope
    const lock = yield* Effect.makeSemaphore(1)
    const stores = new Map<string, TenantStore>()
    const open = (id: string) =>
      Effect.gen(function*() {
        const filename = Option.match(directory, { onNone: () => ":memory:", onSome: (dir) => join(dir, `${id}.db`) })
        if (Option.isSome(directory)) mkdirSync(directory.value, { recursive: true })
        const sql = yield* SqliteClient.make({ filename }).pipe(Effect.provide(Reactivity.layer), Scope.extend(scope))
        yield* sql`PRAGMA busy_timeout = 5000`
        yield* sql`PRAGMA synchronous = NORMAL`
        yield* sql`PRAGMA foreign_keys = ON`
        const store: TenantStore = { sql, table: (name) => sql(name), dialect: "sqlite", schema: Option.none() }
        yield* ensureLedger(store)
        stores.set(id, store)
        return store
      })
    const storeOf = (tenantId: TenantId) =>
      Effect.flatMap(slug(tenantId), (id) => {
        const known = stores.get(id)
        return known !== undefined ? Effect.succeed(known) : lock.withPermits(1)(Effect.suspend(() => {
          const raced = stores.get(id)
          return raced !== undefined ? Effect.succeed(raced) : open(id)
        }))
      }).pipe(outsidePlatformTransaction)
    return TenantDatabases.of({
      transaction: (tenantId, work) =>
        Effect.flatMap(storeOf(tenantId), (db) => db.sql.withTransaction(work(db))).pipe(outsidePlatformTransaction),
      read: (tenantId, work) => Effect.flatMap(storeOf(tenantId), work).pipe(outsidePlatformTransaction)
    })
  })

const makePg = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const lock = yield* Effect.makeSemaphore(1)
    const stores = new Map<string, TenantStore>()
    const create = (schema: string) =>
      Effect.gen(function*() {
        const store: TenantStore = { sql, table: (name) => sql(`${schema}.${name}`), dialect: "pg", schema: Option.some(schema) }
        yield* sql`CREATE SCHEMA IF NOT EXISTS ${sql(schema)}`.pipe(
          Effect.catchTag("SqlError", () => sql`SELECT 1 FROM pg_namespace WHERE nspname = ${schema}`.pipe(Effect.flatMap((rows) =>
            rows.length === 1 ? Effect.void : sql`CREATE SCHEMA IF NOT EXISTS ${sql(schema)}`
          )))
        )
        yield* ensureLedger(store).pipe(Effect.retry({ times: 1 }))
        stores.set(schema, store)
        return store
      }).pipe(outsidePlatformTransaction)
    const storeOf = (tenantId: TenantId) =>
      Effect.flatMap(slug(tenantId), (id) => {
        const schema = `tenant_${id.replace(/-/g, "_")}`
        const known = stores.get(schema)
        return known !== undefined ? Effect.succeed(known) : lock.withPermits(1)(Effect.suspend(() => {
          const raced = stores.get(schema)
          return raced !== undefined ? Effect.succeed(raced) : create(schema)
        }))
      })
    return TenantDatabases.of({
      transaction: (tenantId, work) => Effect.flatMap(storeOf(tenantId), (db) => sql.withTransaction(work(db))),
      read: (tenantId, work) => Effect.flatMap(storeOf(tenantId), work)
    })
  })

const platformFile = (sql: SqlClient.SqlClient) =>
  sql<{ readonly file: string | null }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.pipe(
    Effect.map((rows) => Option.filter(Option.fromNullable(rows[0]?.file), (file) => file !== ""))
  )

/** Tenants' storage beside the platform's database: schemas on PostgreSQL, files (or memory) on SQLite. */
export const layer: Layer.Layer<TenantDatabases, never, SqlClient.SqlClient> = Layer.scoped(
  TenantDatabases,
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql.onDialectOrElse({
      pg: () => makePg(sql),
      orElse: () => Effect.flatMap(platformFile(sql), (file) => makeSqlite(Option.map(file, (f) => join(dirname(f), "tenants"))))
    })).pipe(Effect.orDie)
)

/** Every tenant's storage in an in-memory SQLite database of its own (the memory adapters' choice). */
export const layerMemory: Layer.Layer<TenantDatabases> = Layer.scoped(TenantDatabases, makeSqlite(Option.none()))
