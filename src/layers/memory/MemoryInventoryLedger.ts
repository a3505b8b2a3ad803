import { Effect, Layer, Option } from "effect"
import type { Sku } from "../../domain/supply/Ids.js"
import { type ItemValuation, PostedMovement, StockLevel, type ValuationEntry } from "../../domain/supply/Ledger.js"
import type { Item } from "../../domain/supply/MasterData.js"
import { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { putAll, sortedBy, tenantTable } from "./MemoryTenantTable.js"

interface State {
  readonly items: ReadonlyMap<string, Item>
  readonly movements: ReadonlyArray<PostedMovement>
  readonly valuations: ReadonlyMap<string, ItemValuation>
  readonly entries: ReadonlyArray<ValuationEntry>
}

const empty: State = { items: new Map(), movements: [], valuations: new Map(), entries: [] }
const valuedInbound = new Set(["receipt", "customer-return", "adjustment"])

export const make = Effect.gen(function*() {
  const state = tenantTable<State>(yield* MemoryDatabase, "supply.ledger", empty)
  const within = (skus: ReadonlyArray<Sku> | undefined) => (sku: Sku) => skus === undefined || skus.includes(sku)

  return InventoryLedger.of({
    putItems: (tenant, items) => state.update(tenant, (s) => ({ ...s, items: putAll(s.items, items, (i) => i.sku) })),
    items: (tenant, skus) => Effect.map(state.get(tenant), (s) => sortedBy([...s.items.values()].filter((i) => within(skus)(i.sku)), (i) => i.sku)),
    post: (tenant, posting) =>
      state.update(tenant, (s) => {
        const last = s.movements.at(-1)?.sequence ?? 0
        return {
          ...s,
          movements: [...s.movements, ...posting.movements.map((movement, i) => new PostedMovement({ sequence: last + i + 1, movement }))],
          entries: [...s.entries, ...posting.entries],
          valuations: putAll(s.valuations, posting.valuations, (v) => v.sku)
        }
      }),
    onHand: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) => {
        const totals = new Map<string, StockLevel>()
        for (const { movement: m } of s.movements) {
          if (!within(filter.skus)(m.sku) || (filter.warehouseId !== undefined && m.warehouseId !== filter.warehouseId)) continue
          const key = `${m.sku}\u0000${m.warehouseId}`
          const onHand = (totals.get(key)?.onHand ?? 0) + m.quantity
          totals.set(key, new StockLevel({ sku: m.sku, warehouseId: m.warehouseId, onHand }))
        }
        return sortedBy(totals.values(), (l) => `${l.sku}\u0000${l.warehouseId}`)
      }),
    movements: (tenant, filter) =>
      Effect.map(state.get(tenant), (s) =>
        s.movements
          .filter(({ movement: m }) => m.sku === filter.sku && (filter.warehouseId === undefined || m.warehouseId === filter.warehouseId))
          .reverse()
          .slice(0, filter.limit)),
    valuations: (tenant, skus) =>
      Effect.map(state.get(tenant), (s) => sortedBy([...s.valuations.values()].filter((v) => skus.includes(v.sku)), (v) => v.sku)),
    valuationEntries: (tenant, sku, limit) =>
      Effect.map(state.get(tenant), (s) => s.entries.filter((e) => e.sku === sku).reverse().slice(0, limit)),
    lastSequence: (tenant, reference) =>
      Effect.map(state.get(tenant), (s) =>
        Option.fromNullable(s.movements.filter((p) => p.movement.reference === reference).at(-1)?.sequence)),
    inboundAfter: (tenant, skus, sequence) =>
      Effect.map(state.get(tenant), (s) => {
        const totals = new Map<Sku, number>()
        for (const { movement: m, sequence: at } of s.movements) {
          if (at <= sequence || m.quantity <= 0 || !valuedInbound.has(m.kind) || !skus.includes(m.sku)) continue
          totals.set(m.sku, (totals.get(m.sku) ?? 0) + m.quantity)
        }
        return sortedBy([...totals].map(([sku, quantity]) => ({ sku, quantity })), (t) => t.sku)
      })
  })
})

export const layer: Layer.Layer<InventoryLedger, never, MemoryDatabase> = Layer.effect(InventoryLedger, make)
