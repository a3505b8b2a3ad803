import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Tenant } from "../../domain/identity/Tenant.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Row = Schema.Struct({
  id: Tenant.fields.id,
  name: Tenant.fields.name,
  status: Tenant.fields.status,
  created_at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
})

/** Domain values are built from rows whose schemas (the classes' own field schemas) have just decoded them: no second validation. */
const decoded = { disableValidation: true } as const

const toTenant = (row: typeof Row.Type) => new Tenant({ id: row.id, name: row.name, status: row.status, createdAt: row.created_at }, decoded)

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const findById = SqlSchema.findOne({
    Request: Schema.String,
    Result: Row,
    execute: (id) => sql`SELECT id, name, status, created_at FROM baton_tenants WHERE id = ${id}`
  })

  const findAll = SqlSchema.findAll({
    Request: Schema.Void,
    Result: Row,
    execute: () => sql`SELECT id, name, status, created_at FROM baton_tenants ORDER BY id`
  })

  const findSome = SqlSchema.findAll({
    Request: Schema.Array(Schema.String),
    Result: Row,
    execute: (ids) => sql`SELECT id, name, status, created_at FROM baton_tenants WHERE ${sql.in("id", ids)} ORDER BY id`
  })

  const remembered = yield* CommittedReads.remember<Option.Option<Tenant>>()

  return Tenants.of({
    create: (tenant) =>
      sql`INSERT INTO baton_tenants ${
        sql.insert({ id: tenant.id, name: tenant.name, status: tenant.status, created_at: DateTime.toEpochMillis(tenant.createdAt) })
      } ON CONFLICT (id) DO NOTHING RETURNING id`.pipe(Effect.map((rows) => rows.length > 0), mapErrors("Tenants.create")),
    find: (id) => remembered(id, () => findById(id).pipe(Effect.map(Option.map(toTenant)), mapErrors("Tenants.find"))),
    list: (only) =>
      (only === undefined ? findAll(undefined) : only.length === 0 ? Effect.succeed([]) : findSome(only)).pipe(
        Effect.map((rows) => rows.map(toTenant)),
        mapErrors("Tenants.list")
      ),
    setStatus: (id, status) =>
      sql`UPDATE baton_tenants SET status = ${status} WHERE id = ${id}`.pipe(Effect.asVoid, mapErrors("Tenants.setStatus"))
  })
})

export const layer: Layer.Layer<Tenants, never, SqlClient.SqlClient> = Layer.effect(Tenants, make)
