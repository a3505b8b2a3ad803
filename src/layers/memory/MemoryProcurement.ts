import { Effect, Layer, Option } from "effect"
import type { PurchaseOrder, Receipt } from "../../domain/supply/Documents.js"
import type { CostDocumentId } from "../../domain/supply/Ids.js"
import type { DocumentAllocation } from "../../domain/supply/LandedCost.js"
import type { SupplyTerms, Vendor } from "../../domain/supply/MasterData.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { putAll, sortedBy, tenantTable } from "./MemoryTenantTable.js"

interface State {
  readonly vendors: ReadonlyMap<string, Vendor>
  readonly terms: ReadonlyMap<string, SupplyTerms>
  readonly orders: ReadonlyMap<string, PurchaseOrder>
  readonly receipts: ReadonlyMap<string, Receipt>
  readonly allocations: ReadonlyArray<DocumentAllocation>
}

const empty: State = { vendors: new Map(), terms: new Map(), orders: new Map(), receipts: new Map(), allocations: [] }
const termsKey = (t: SupplyTerms) => `${t.sku}\u0000${t.vendorId}`

export const make = Effect.gen(function*() {
  const state = tenantTable<State>(yield* MemoryDatabase, "supply.procurement", empty)
  return Procurement.of({
    putVendors: (tenant, vendors) => state.update(tenant, (s) => ({ ...s, vendors: putAll(s.vendors, vendors, (v) => v.id) })),
    vendors: (tenant, ids) =>
      Effect.map(state.get(tenant), (s) => sortedBy([...s.vendors.values()].filter((v) => ids === undefined || ids.includes(v.id)), (v) => v.id)),
    putTerms: (tenant, terms) => state.update(tenant, (s) => ({ ...s, terms: putAll(s.terms, terms, termsKey) })),
    terms: (tenant, skus) =>
      Effect.map(state.get(tenant), (s) =>
        [...s.terms.values()]
          .filter((t) => skus === undefined || skus.includes(t.sku))
          .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.priority - b.priority || (a.vendorId < b.vendorId ? -1 : 1)))),
    putPurchaseOrders: (tenant, orders) => state.update(tenant, (s) => ({ ...s, orders: putAll(s.orders, orders, (o) => o.id) })),
    purchaseOrder: (tenant, id) => Effect.map(state.get(tenant), (s) => Option.fromNullable(s.orders.get(id))),
    purchaseOrders: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) =>
        sortedBy(
          [...s.orders.values()].filter((o) =>
            (filter.statuses === undefined || filter.statuses.includes(o.status)) &&
            (filter.warehouseId === undefined || (o.destination._tag === "ToWarehouse" && o.destination.warehouseId === filter.warehouseId)) &&
            (filter.skus === undefined || o.lines.some((l) => filter.skus?.includes(l.sku)))
          ),
          (o) => o.id
        )),
    recordReceipt: (tenant, receipt) =>
      state.modify(tenant, (s) => (s.receipts.has(receipt.id) ? [false, s] : [true, { ...s, receipts: new Map(s.receipts).set(receipt.id, receipt) }])),
    receipt: (tenant, id) => Effect.map(state.get(tenant), (s) => Option.fromNullable(s.receipts.get(id))),
    recordAllocations: (tenant, allocations) =>
      state.modify(tenant, (s) => {
        const known = new Set<string>(s.allocations.map((a) => a.documentId))
        const fresh = allocations.filter((a) => !known.has(a.documentId) && (known.add(a.documentId), true))
        return [fresh.map((a): CostDocumentId => a.documentId), { ...s, allocations: [...s.allocations, ...fresh] }] as const
      }),
    allocations: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) =>
        s.allocations.filter((a) =>
          (filter.receiptId === undefined || a.receiptId === filter.receiptId) &&
          (filter.documentIds === undefined || filter.documentIds.includes(a.documentId))
        ))
  })
})

export const layer: Layer.Layer<Procurement, never, MemoryDatabase> = Layer.effect(Procurement, make)
