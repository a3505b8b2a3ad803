import { Effect, Layer, Option } from "effect"
import type { Customer } from "../../domain/commerce/Customer.js"
import { Customers } from "../../orchestration/commerce/Customers.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

type Rows = ReadonlyMap<string, Customer>

const keyOf = (tenantId: string, id: string) => JSON.stringify([tenantId, id])

export const make = Effect.map(MemoryDatabase, (database) => {
  const rows = database.table<Rows>("commerce.customers", new Map())
  return Customers.of({
    find: (tenantId, id) => Effect.map(rows.get, (all) => Option.fromNullable(all.get(keyOf(tenantId, id)))),
    put: (tenantId, customer) => rows.update((all) => new Map(all).set(keyOf(tenantId, customer.id), customer))
  })
})

export const layer: Layer.Layer<Customers, never, MemoryDatabase> = Layer.effect(Customers, make)
