import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { ModuleManifest, RegisteredModule, RegistryStatus } from "../../domain/modules/Module.js"
import { compare } from "../../domain/modules/Semver.js"
import { ModuleRegistry } from "../../orchestration/modules/ModuleRegistry.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Row = Schema.Struct({
  status: RegistryStatus,
  manifest: Schema.parseJson(ModuleManifest),
  registered_at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber),
  changed_at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
})

const toEntry = (row: typeof Row.Type) =>
  new RegisteredModule({ manifest: row.manifest, status: row.status, registeredAt: row.registered_at, changedAt: row.changed_at })

/** Registry order: by name, then by version precedence. */
export const registryOrder = (a: RegisteredModule, b: RegisteredModule) =>
  a.manifest.name === b.manifest.name ? compare(a.manifest.version, b.manifest.version) : a.manifest.name < b.manifest.name ? -1 : 1

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const columns = sql.literal("status, manifest, registered_at, changed_at")
  const findOne = SqlSchema.findOne({
    Request: Schema.Struct({ name: Schema.String, version: Schema.String }),
    Result: Row,
    execute: ({ name, version }) => sql`SELECT ${columns} FROM baton_module_registry WHERE name = ${name} AND version = ${version}`
  })
  const findAll = SqlSchema.findAll({
    Request: Schema.OptionFromSelf(Schema.String),
    Result: Row,
    execute: (name) =>
      Option.match(name, {
        onNone: () => sql`SELECT ${columns} FROM baton_module_registry`,
        onSome: (n) => sql`SELECT ${columns} FROM baton_module_registry WHERE name = ${n}`
      })
  })
  const encodeManifest = Schema.encode(Schema.parseJson(ModuleManifest))
  return ModuleRegistry.of({
    add: (entry) =>
      Effect.gen(function*() {
        const rows = yield* sql`INSERT INTO baton_module_registry ${
          sql.insert({
            name: entry.manifest.name,
            version: entry.manifest.version,
            status: entry.status,
            manifest: yield* encodeManifest(entry.manifest),
            registered_at: DateTime.toEpochMillis(entry.registeredAt),
            changed_at: DateTime.toEpochMillis(entry.changedAt)
          })
        } ON CONFLICT (name, version) DO NOTHING RETURNING name`
        return rows.length > 0
      }).pipe(mapErrors("ModuleRegistry.add")),
    find: (name, version) => findOne({ name, version }).pipe(Effect.map(Option.map(toEntry)), mapErrors("ModuleRegistry.find")),
    list: (name) =>
      findAll(Option.fromNullable(name)).pipe(Effect.map((rows) => rows.map(toEntry).sort(registryOrder)), mapErrors("ModuleRegistry.list")),
    setStatus: (name, version, status, at) =>
      sql`UPDATE baton_module_registry SET status = ${status}, changed_at = ${DateTime.toEpochMillis(at)}
          WHERE name = ${name} AND version = ${version}`.pipe(Effect.asVoid, mapErrors("ModuleRegistry.setStatus"))
  })
})

export const layer: Layer.Layer<ModuleRegistry, never, SqlClient.SqlClient> = Layer.effect(ModuleRegistry, make)
