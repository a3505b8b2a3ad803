import { DateTime, Effect, Layer, Option } from "effect"
import { type Dropship, isClosed } from "../../domain/fulfilment/Dropship.js"
import { Dropships } from "../../orchestration/fulfilment/Dropships.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { sortedBy, tenantTable } from "./MemoryTenantTable.js"

const keyOf = (salesOrderId: string, lineNo: number) => `${salesOrderId}\u0000${String(lineNo).padStart(10, "0")}`

export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const state = tenantTable<ReadonlyMap<string, Dropship>>(database, "fulfilment.dropships", new Map())
  const everyTenant = database.table<ReadonlyMap<string, ReadonlyMap<string, Dropship>>>("fulfilment.dropships", new Map())
  return Dropships.of({
    create: (dropship) =>
      state.modify(dropship.tenantId, (all): readonly [boolean, ReadonlyMap<string, Dropship>] => {
        const key = keyOf(dropship.salesOrderId, dropship.lineNo)
        return all.has(key) ? [false, all] : [true, new Map(all).set(key, dropship)]
      }),
    find: (tenant, salesOrderId, lineNo) => Effect.map(state.get(tenant), (all) => Option.fromNullable(all.get(keyOf(salesOrderId, lineNo)))),
    list: (tenant, filter) =>
      Effect.map(state.get(tenant), (all) =>
        sortedBy(
          [...all.values()].filter((d) => filter.states === undefined || filter.states.includes(d.state)),
          (d) => keyOf(d.salesOrderId, d.lineNo)
        )),
    unsettled: (limit) =>
      Effect.map(everyTenant.get, (tenants) =>
        [...tenants.values()].flatMap((records) => [...records.values()])
          .filter((d) => !isClosed(d.state))
          .sort((a, b) => DateTime.toEpochMillis(a.updatedAt) - DateTime.toEpochMillis(b.updatedAt))
          .slice(0, limit)),
    update: (next, expectedVersion) =>
      state.modify(next.tenantId, (all): readonly [boolean, ReadonlyMap<string, Dropship>] => {
        const key = keyOf(next.salesOrderId, next.lineNo)
        return all.get(key)?.version === expectedVersion ? [true, new Map(all).set(key, next)] : [false, all]
      })
  })
})

export const layer: Layer.Layer<Dropships, never, MemoryDatabase> = Layer.effect(Dropships, make)
