import { Effect, Layer, Option } from "effect"
import type { Warehouse } from "../../domain/supply/MasterData.js"
import type { TransferOrder } from "../../domain/supply/TransferOrder.js"
import { Warehouses } from "../../orchestration/supply/Warehouses.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { putAll, sortedBy, tenantTable } from "./MemoryTenantTable.js"

interface State {
  readonly warehouses: ReadonlyMap<string, Warehouse>
  readonly transfers: ReadonlyMap<string, TransferOrder>
}

const empty: State = { warehouses: new Map(), transfers: new Map() }

export const make = Effect.gen(function*() {
  const state = tenantTable<State>(yield* MemoryDatabase, "supply.warehouses", empty)
  return Warehouses.of({
    putWarehouses: (tenant, warehouses) => state.update(tenant, (s) => ({ ...s, warehouses: putAll(s.warehouses, warehouses, (w) => w.id) })),
    warehouses: (tenant) => Effect.map(state.get(tenant), (s) => sortedBy(s.warehouses.values(), (w) => w.id)),
    addTransfers: (tenant, transfers) =>
      state.modify(tenant, (s) =>
        transfers.some((t, i) => s.transfers.has(t.id) || transfers.findIndex((o) => o.id === t.id) !== i)
          ? [false, s]
          : [true, { ...s, transfers: putAll(s.transfers, transfers, (t) => t.id) }]),
    transfer: (tenant, id) => Effect.map(state.get(tenant), (s) => Option.fromNullable(s.transfers.get(id))),
    transfers: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) =>
        sortedBy(
          [...s.transfers.values()].filter((t) =>
            (filter.statuses === undefined || filter.statuses.includes(t.status)) &&
            (filter.skus === undefined || filter.skus.includes(t.sku)) &&
            (filter.warehouseId === undefined || t.from === filter.warehouseId || t.to === filter.warehouseId)
          ),
          (t) => t.id
        )),
    updateTransfer: (tenant, next, expected) =>
      state.modify(tenant, (s) =>
        s.transfers.get(next.id)?.status === expected
          ? [true, { ...s, transfers: new Map(s.transfers).set(next.id, next) }]
          : [false, s])
  })
})

export const layer: Layer.Layer<Warehouses, never, MemoryDatabase> = Layer.effect(Warehouses, make)
