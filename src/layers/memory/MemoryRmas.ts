import { DateTime, Effect, Layer, Option } from "effect"
import type { Rma } from "../../domain/returns/Rma.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { AWAITING, type RmaFilter, Rmas } from "../../orchestration/returns/Rmas.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { sortedBy, tenantTable } from "./MemoryTenantTable.js"

const matches = (filter: RmaFilter) => (rma: Rma): boolean =>
  (filter.state === undefined || rma.state === filter.state) &&
  (filter.salesOrderId === undefined || rma.salesOrderId === filter.salesOrderId) &&
  (filter.sku === undefined || rma.sku === filter.sku) &&
  (filter.from === undefined || DateTime.greaterThanOrEqualTo(rma.requestedAt, filter.from)) &&
  (filter.to === undefined || DateTime.lessThan(rma.requestedAt, filter.to)) &&
  (filter.after === undefined || rma.id > filter.after)

export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const state = tenantTable<ReadonlyMap<string, Rma>>(database, "returns.rmas", new Map())
  const everyTenant = database.table<ReadonlyMap<TenantId, ReadonlyMap<string, Rma>>>("returns.rmas", new Map())
  const all = (tenant: Parameters<typeof state.get>[0]) => Effect.map(state.get(tenant), (rmas) => sortedBy(rmas.values(), (r) => r.id))
  return Rmas.of({
    insert: (tenant, rma) =>
      state.modify(tenant, (rmas) => (rmas.has(rma.id) ? [false, rmas] as const : [true, new Map(rmas).set(rma.id, rma)] as const)),
    find: (tenant, id) => Effect.map(state.get(tenant), (rmas) => Option.fromNullable(rmas.get(id))),
    update: (tenant, rma) =>
      state.modify(tenant, (rmas) =>
        rmas.get(rma.id)?.version === rma.version - 1 ? [true, new Map(rmas).set(rma.id, rma)] as const : [false, rmas] as const),
    forSalesOrder: (tenant, salesOrderId) => Effect.map(all(tenant), (rmas) => rmas.filter((r) => r.salesOrderId === salesOrderId)),
    list: (tenant, filter) => Effect.map(all(tenant), (rmas) => rmas.filter(matches(filter)).slice(0, filter.limit)),
    awaiting: (limit) =>
      Effect.map(everyTenant.get, (tenants) =>
        [...tenants.entries()]
          .flatMap(([tenantId, rmas]) => [...rmas.values()].filter((rma) => AWAITING.includes(rma.state)).map((rma) => ({ tenantId, rma })))
          .sort((a, b) =>
            DateTime.toEpochMillis(a.rma.requestedAt) - DateTime.toEpochMillis(b.rma.requestedAt) ||
            (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : a.rma.id < b.rma.id ? -1 : 1))
          .slice(0, limit))
  })
})

export const layer: Layer.Layer<Rmas, never, MemoryDatabase> = Layer.effect(Rmas, make)
