import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { Effect, Layer, Option, Schema } from "effect"
import { Customer, CustomerId } from "../../domain/commerce/Customer.js"
import { Customers } from "../../orchestration/commerce/Customers.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Row = Schema.Struct({
  id: CustomerId,
  tier: Customer.fields.tier,
  verified: SqlNumber
})

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const find = SqlSchema.findOne({
    Request: Schema.Struct({ tenantId: Schema.String, id: Schema.String }),
    Result: Row,
    execute: ({ id, tenantId }) => sql`SELECT id, tier, verified FROM baton_customers WHERE tenant_id = ${tenantId} AND id = ${id}`
  })

  return Customers.of({
    find: (tenantId, id) =>
      find({ tenantId, id }).pipe(
        Effect.map(Option.map((row) => new Customer({ id: row.id, tier: row.tier, verified: row.verified === 1 }))),
        mapErrors("Customers.find")
      ),
    put: (tenantId, customer) =>
      sql`INSERT INTO baton_customers (tenant_id, id, tier, verified)
          VALUES (${tenantId}, ${customer.id}, ${customer.tier}, ${customer.verified ? 1 : 0})
          ON CONFLICT (tenant_id, id) DO UPDATE SET tier = excluded.tier, verified = excluded.verified`.pipe(
        Effect.asVoid,
        mapErrors("Customers.put")
      )
  })
})

export const layer: Layer.Layer<Customers, never, SqlClient.SqlClient> = Layer.effect(Customers, make)
