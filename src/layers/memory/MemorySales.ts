import { Effect, Layer, Option } from "effect"
import { SalesOrder, sameShipment } from "../../domain/supply/Documents.js"
import type { DemandRecord } from "../../domain/supply/Ledger.js"
import { Sales } from "../../orchestration/supply/Sales.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { putAll, sortedBy, tenantTable } from "./MemoryTenantTable.js"

interface State {
  readonly orders: ReadonlyMap<string, SalesOrder>
  readonly demand: ReadonlyMap<string, DemandRecord>
}

const empty: State = { orders: new Map(), demand: new Map() }
const demandKey = (d: DemandRecord) => `${d.warehouseId}\u0000${d.sku}\u0000${d.day}`

export const make = Effect.gen(function*() {
  const state = tenantTable<State>(yield* MemoryDatabase, "supply.sales", empty)
  return Sales.of({
    putSalesOrders: (tenant, orders) => state.update(tenant, (s) => ({ ...s, orders: putAll(s.orders, orders, (o) => o.id) })),
    salesOrder: (tenant, id) => Effect.map(state.get(tenant), (s) => Option.fromNullable(s.orders.get(id))),
    salesOrders: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) =>
        sortedBy(
          [...s.orders.values()].filter((o) =>
            (filter.statuses === undefined || filter.statuses.includes(o.status)) &&
            (filter.warehouseId === undefined || o.lines.some((l) => l.warehouseId === filter.warehouseId)) &&
            (filter.skus === undefined || o.lines.some((l) => filter.skus?.includes(l.sku)))
          ),
          (o) => o.id
        )),
    recordShipment: (tenant, id, shipment) =>
      state.modify(tenant, (s): readonly [boolean, State] => {
        const order = s.orders.get(id)
        if (order === undefined || order.shipments.some((existing) => sameShipment(existing, shipment))) return [false, s]
        const orders = new Map(s.orders).set(id, new SalesOrder({ ...order, shipments: [...order.shipments, shipment] }))
        return [true, { ...s, orders }]
      }),
    putDemand: (tenant, records) => state.update(tenant, (s) => ({ ...s, demand: putAll(s.demand, records, demandKey) })),
    demand: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) =>
        sortedBy(
          [...s.demand.values()].filter((d) =>
            d.day >= filter.from && d.day <= filter.to &&
            (filter.warehouseId === undefined || d.warehouseId === filter.warehouseId) &&
            (filter.skus === undefined || filter.skus.includes(d.sku))
          ),
          demandKey
        ))
  })
})

export const layer: Layer.Layer<Sales, never, MemoryDatabase> = Layer.effect(Sales, make)
