import { Schema } from "effect"
import { Sku, WarehouseId } from "./Ids.js"
import { ceilWhole, roundUpToMultiple } from "./Inventory.js"

/** One warehouse's stock of an item, as balancing sees it. */
export interface BalancingSite {
  readonly warehouseId: WarehouseId
  /** On hand + inbound transfers − open sales commitments − reservations for outbound transfers. */
  readonly available: number
  /** On hand − reservations: what can physically leave. */
  readonly physical: number
  readonly demandPerDay: number
  readonly safetyStock: number
}

/** A warehouse before and after the proposals, with every number that decided them. */
export const SiteBalance = Schema.Struct({
  warehouseId: WarehouseId,
  available: Schema.Int,
  demandPerDay: Schema.Number,
  /** Days the available stock lasts at the forecast rate (null: no demand). */
  coverDays: Schema.NullOr(Schema.Number),
  safetyStock: Schema.Int,
  target: Schema.Number,
  /** What it may give: above max(safety stock, target), in whole lots, at most what can physically leave. */
  surplus: Schema.Int,
  /** What it needs to reach the target, when its cover is below the band. */
  need: Schema.Number,
  availableAfter: Schema.Int,
  coverDaysAfter: Schema.NullOr(Schema.Number)
})
export type SiteBalance = typeof SiteBalance.Type

export const TransferProposal = Schema.Struct({
  sku: Sku,
  from: WarehouseId,
  to: WarehouseId,
  quantity: Schema.Int
})
export type TransferProposal = typeof TransferProposal.Type

/** The balancing of one item across the network. */
export class ItemBalance extends Schema.Class<ItemBalance>("ItemBalance")({
  sku: Sku,
  transferLotSize: Schema.Int,
  tolerance: Schema.Number,
  networkAvailable: Schema.Int,
  networkDemandPerDay: Schema.Number,
  /** The network's days of cover: every warehouse's target is its demand times this. */
  targetCoverDays: Schema.NullOr(Schema.Number),
  sites: Schema.Array(SiteBalance),
  proposals: Schema.Array(TransferProposal)
}) {}

const byId = (a: { readonly warehouseId: string }, b: { readonly warehouseId: string }) =>
  a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0

/**
 * Fair-share balancing (the "equal days of cover" rule of distribution requirements planning):
 * the network's cover C = Σ available / Σ demand sets each warehouse's target d·C. A warehouse
 * whose cover is below C·(1 − tolerance) needs up to its target; one above C·(1 + tolerance) (or
 * without demand) gives what exceeds both its safety stock and its target, in whole transfer
 * lots. Neediest first, from the largest surplus first. Transfers only move stock, so the
 * network total is conserved, and no source ever goes below its safety stock.
 */
export const balanceItem = (
  sku: Sku,
  transferLotSize: number,
  sites: ReadonlyArray<BalancingSite>,
  tolerance: number
): ItemBalance => {
  const lot = Math.max(1, transferLotSize)
  const networkAvailable = sites.reduce((total, s) => total + s.available, 0)
  const networkDemandPerDay = sites.reduce((total, s) => total + s.demandPerDay, 0)
  const cover = networkDemandPerDay > 0 && networkAvailable > 0 ? networkAvailable / networkDemandPerDay : null
  const planned = [...sites].sort(byId).map((site) => {
    const coverDays = site.demandPerDay > 0 ? site.available / site.demandPerDay : null
    const safetyStock = ceilWhole(Math.max(0, site.safetyStock))
    const target = cover === null ? site.available : site.demandPerDay * cover
    const gives = cover !== null && (coverDays === null || coverDays > cover * (1 + tolerance))
    const needs = cover !== null && coverDays !== null && coverDays < cover * (1 - tolerance)
    const spare = Math.min(site.available - Math.max(safetyStock, ceilWhole(target)), site.physical)
    return {
      site,
      coverDays,
      safetyStock,
      target,
      surplus: gives ? Math.max(0, Math.floor(spare / lot) * lot) : 0,
      need: needs ? Math.max(0, target - site.available) : 0
    }
  })
  const remaining = new Map(planned.map((p) => [p.site.warehouseId, p.surplus]))
  const proposals: Array<TransferProposal> = []
  const deficits = planned.filter((p) => p.need > 0).sort((a, b) => (a.coverDays ?? 0) - (b.coverDays ?? 0) || byId(a.site, b.site))
  for (const deficit of deficits) {
    let need = deficit.need
    const sources = planned.filter((p) => (remaining.get(p.site.warehouseId) ?? 0) > 0)
      .sort((a, b) => (remaining.get(b.site.warehouseId) ?? 0) - (remaining.get(a.site.warehouseId) ?? 0) || byId(a.site, b.site))
    for (const source of sources) {
      if (need <= 0) break
      const left = remaining.get(source.site.warehouseId) ?? 0
      const quantity = Math.min(left, roundUpToMultiple(need, lot))
      if (quantity <= 0) continue
      proposals.push({ sku, from: source.site.warehouseId, to: deficit.site.warehouseId, quantity })
      remaining.set(source.site.warehouseId, left - quantity)
      need -= quantity
    }
  }
  const moved = (id: WarehouseId) =>
    proposals.reduce((total, p) => total + (p.to === id ? p.quantity : 0) - (p.from === id ? p.quantity : 0), 0)
  return new ItemBalance({
    sku,
    transferLotSize: lot,
    tolerance,
    networkAvailable,
    networkDemandPerDay,
    targetCoverDays: cover,
    sites: planned.map((p): SiteBalance => {
      const availableAfter = p.site.available + moved(p.site.warehouseId)
      return {
        warehouseId: p.site.warehouseId,
        available: p.site.available,
        demandPerDay: p.site.demandPerDay,
        coverDays: p.coverDays,
        safetyStock: p.safetyStock,
        target: p.target,
        surplus: p.surplus,
        need: p.need,
        availableAfter,
        coverDaysAfter: p.site.demandPerDay > 0 ? availableAfter / p.site.demandPerDay : null
      }
    }),
    proposals
  }, true)
}
