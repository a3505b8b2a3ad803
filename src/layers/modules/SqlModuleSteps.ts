import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { DateTime, Effect, Layer, Option } from "effect"
import { labelOf } from "../../domain/modules/Plan.js"
import { type ModuleStep, ModuleSteps } from "../../orchestration/modules/ModuleSteps.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { landlordLedger } from "../sql/migrations/Modules.js"
import { find, type TenantWork } from "./ModuleDefinition.js"
import { ModuleDefinitions } from "./ModuleDefinitions.js"
import { ledgerTable, TenantDatabases, type TenantStore } from "./TenantDatabases.js"

const missing = (what: string) => Effect.fail(new Error(`this program declares no ${what}`))

/** Runs `work` unless the ledger says `key` is in the state `present` wants; then records the new state. */
const ledgered = (db: TenantStore, key: string, module: string, wanted: "present" | "absent", work: Option.Option<TenantWork>) =>
  Effect.gen(function*() {
    const found = yield* db.sql`SELECT 1 AS one FROM ${db.table(ledgerTable)} WHERE key = ${key}`
    if ((found.length > 0) === (wanted === "present")) return
    yield* Option.match(work, { onNone: () => Effect.void, onSome: (w) => w(db) })
    const at = DateTime.toEpochMillis(yield* DateTime.now)
    yield* wanted === "present"
      ? db.sql`INSERT INTO ${db.table(ledgerTable)} ${db.sql.insert({ key, module, applied_at: at })}`
      : db.sql`DELETE FROM ${db.table(ledgerTable)} WHERE key = ${key}`
  })

/** Module code of every family: landlord steps against `landlord`, tenant steps in the tenant's storage. */
export const make = (landlord: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const tenants = yield* TenantDatabases
    const definitions = yield* ModuleDefinitions
    const definition = (module: string, version: string) =>
      Option.match(find(definitions, module, version), { onNone: () => missing(`module ${module}@${version}`), onSome: Effect.succeed })

    const execute = (tenantId: Parameters<ModuleSteps["Type"]["run"]>[0], step: ModuleStep): Effect.Effect<void, unknown> =>
      Effect.gen(function*() {
        const code = yield* definition(step.module, step.version)
        switch (step._tag) {
          case "LandlordMigration": {
            const spec = code.landlordMigrations.find((m) => m.id === step.migration)
            if (spec === undefined) return yield* missing(`landlord migration ${step.migration}`)
            return yield* landlord.withTransaction(Effect.gen(function*() {
              const applied = yield* landlord`SELECT 1 AS one FROM baton_module_landlord_migrations
                WHERE module = ${step.module} AND migration = ${step.migration}`
              if ((applied.length > 0) === (step.direction === "up")) return
              yield* step.direction === "up" ? spec.up : spec.down
              const at = DateTime.toEpochMillis(yield* DateTime.now)
              yield* step.direction === "up"
                ? landlord`INSERT INTO baton_module_landlord_migrations ${
                  landlord.insert({ module: step.module, migration: step.migration, version: step.version, applied_at: at })
                }`
                : landlord`DELETE FROM baton_module_landlord_migrations WHERE module = ${step.module} AND migration = ${step.migration}`
            })).pipe(Effect.provideService(SqlClient.SqlClient, landlord))
          }
          case "TenantMigration": {
            const spec = code.tenantMigrations.find((m) => m.id === step.migration)
            if (spec === undefined) return yield* missing(`tenant migration ${step.migration}`)
            const up = step.direction === "up"
            return yield* tenants.transaction(tenantId, (db) =>
              ledgered(db, `migration:${step.module}:${step.migration}`, step.module, up ? "present" : "absent", Option.some(up ? spec.up : spec.down)))
          }
          case "Setup":
            return yield* tenants.transaction(tenantId, (db) => ledgered(db, `setup:${step.module}`, step.module, "present", code.setup))
          case "Teardown":
            return yield* tenants.transaction(tenantId, (db) => ledgered(db, `setup:${step.module}`, step.module, "absent", code.teardown))
        }
      })

    return ModuleSteps.of({
      run: (tenantId, step) =>
        execute(tenantId, step).pipe(Effect.mapError((cause) => new RepositoryError({ operation: `ModuleSteps.run: ${labelOf(step)}`, cause })))
    })
  })

export const layer: Layer.Layer<ModuleSteps, never, SqlClient.SqlClient | TenantDatabases> = Layer.effect(
  ModuleSteps,
  Effect.flatMap(SqlClient.SqlClient, make)
)

/** For the memory adapters: landlord steps run against an in-memory SQLite database of their own. */
export const layerMemory: Layer.Layer<ModuleSteps, never, TenantDatabases> = Layer.scoped(
  ModuleSteps,
  Effect.gen(function*() {
    const landlord = yield* SqliteClient.make({ filename: ":memory:" }).pipe(Effect.provide(Reactivity.layer))
    yield* Effect.orDie(landlordLedger.pipe(Effect.provideService(SqlClient.SqlClient, landlord)))
    return yield* make(landlord)
  })
)
