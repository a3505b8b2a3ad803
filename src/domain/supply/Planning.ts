import { balanceItem, type ItemBalance } from "./Balancing.js"
import { addDays, type Day, toEpochDay } from "./Calendar.js"
import { forecastDemand } from "./DemandForecast.js"
import { committedQuantity, openQuantity, type PurchaseOrder, type SalesOrder } from "./Documents.js"
import type { Sku, WarehouseId } from "./Ids.js"
import { leadTimeDeviation, safetyStock } from "./Inventory.js"
import type { DemandRecord, StockLevel } from "./Ledger.js"
import { type Item, leadTimeOf, preferredTerms, type SupplyTerms, type Vendor } from "./MasterData.js"
import { normalQuantile } from "./NormalQuantile.js"
import { Skipped } from "./Outcomes.js"
import { stockKey } from "./Posting.js"
import { type InventoryPosition, planReplenishment, type ReplenishmentParameters, type Suggestion } from "./Replenishment.js"
import type { TransferOrder } from "./TransferOrder.js"

/** Everything planning reads about a tenant's network, gathered once. */
export interface NetworkSnapshot {
  readonly today: Day
  readonly historyDays: number
  readonly items: ReadonlyArray<Item>
  readonly warehouses: ReadonlyArray<WarehouseId>
  readonly vendors: ReadonlyArray<Vendor>
  readonly terms: ReadonlyArray<SupplyTerms>
  readonly levels: ReadonlyArray<StockLevel>
  /** Draft and confirmed purchase orders (drafts count as on order, as Odoo counts RFQs in progress). */
  readonly purchaseOrders: ReadonlyArray<PurchaseOrder>
  /** Reserved and shipped transfers. */
  readonly transfers: ReadonlyArray<TransferOrder>
  readonly salesOrders: ReadonlyArray<SalesOrder>
  /** Recorded daily demand over the history window (the days before today). */
  readonly demand: ReadonlyArray<DemandRecord>
}

type Parts = { onHand: number; onOrder: number; inboundTransfers: number; committed: number; reservedOut: number }

/** Stock position parts per item and warehouse (`stockKey`). Reservations out count as committed. */
export const positionsOf = (network: NetworkSnapshot): ReadonlyMap<string, Readonly<Parts>> => {
  const parts = new Map<string, Parts>()
  const at = (sku: string, warehouseId: string) => {
    const key = stockKey(sku, warehouseId)
    const found = parts.get(key) ?? { onHand: 0, onOrder: 0, inboundTransfers: 0, committed: 0, reservedOut: 0 }
    parts.set(key, found)
    return found
  }
  for (const l of network.levels) at(l.sku, l.warehouseId).onHand += l.onHand
  for (const o of network.purchaseOrders) {
    if (o.destination._tag === "ToWarehouse") for (const l of o.lines) at(l.sku, o.destination.warehouseId).onOrder += openQuantity(o, l)
  }
  for (const t of network.transfers) {
    at(t.sku, t.to).inboundTransfers += t.quantity
    if (t.status === "reserved") {
      at(t.sku, t.from).committed += t.quantity
      at(t.sku, t.from).reservedOut += t.quantity
    }
  }
  for (const o of network.salesOrders) {
    for (const l of o.lines) if (l.warehouseId !== undefined) at(l.sku, l.warehouseId).committed += committedQuantity(o, l)
  }
  return parts
}

/** Daily demand per item and warehouse (`stockKey`) over the history window, zero where nothing was recorded. */
export const demandSeries = (network: NetworkSnapshot): ReadonlyMap<string, Float64Array> => {
  const start = toEpochDay(addDays(network.today, -network.historyDays))
  const series = new Map<string, Float64Array>()
  for (const d of network.demand) {
    const i = toEpochDay(d.day) - start
    if (i < 0 || i >= network.historyDays) continue
    const key = stockKey(d.sku, d.warehouseId)
    const values = series.get(key) ?? new Float64Array(network.historyDays)
    values[i] = d.quantity
    series.set(key, values)
  }
  return series
}

/** The preferred source of each item: its terms, vendor and lead time (items without usable terms are absent). */
const sources = (network: NetworkSnapshot) => {
  const bySku = new Map<string, Array<SupplyTerms>>()
  for (const t of network.terms) bySku.set(t.sku, [...(bySku.get(t.sku) ?? []), t])
  const vendors = new Map(network.vendors.map((v) => [v.id as string, v]))
  const found = new Map<string, { readonly terms: SupplyTerms; readonly vendor: Vendor; readonly leadTimeDays: number }>()
  for (const [sku, all] of bySku) {
    const terms = preferredTerms(all)
    const vendor = terms === undefined ? undefined : vendors.get(terms.vendorId)
    if (terms !== undefined && vendor !== undefined) found.set(sku, { terms, vendor, leadTimeDays: leadTimeOf(terms, vendor) })
  }
  return found
}

/**
 * Replenishment suggestions for a warehouse: every item with history, stock or orders there is
 * reviewed; one without vendor terms is skipped with the reason.
 */
export const planWarehouse = (network: NetworkSnapshot, warehouseId: WarehouseId, parameters: ReplenishmentParameters) => {
  const positions = positionsOf(network)
  const series = demandSeries(network)
  const supplies = sources(network)
  const empty = new Float64Array(network.historyDays)
  const suggestions: Array<Suggestion> = []
  const skipped: Array<Skipped> = []
  let reviewed = 0
  for (const item of network.items) {
    const key = stockKey(item.sku, warehouseId)
    if (!positions.has(key) && !series.has(key)) continue
    reviewed++
    const supply = supplies.get(item.sku)
    if (supply === undefined) {
      skipped.push(new Skipped({ sku: item.sku, reason: "no vendor terms: nothing to order from" }))
      continue
    }
    const { committed, inboundTransfers, onHand, onOrder } = positions.get(key) ?? { onHand: 0, onOrder: 0, inboundTransfers: 0, committed: 0 }
    const { order } = planReplenishment({
      sku: item.sku,
      warehouseId,
      today: network.today,
      history: series.get(key) ?? empty,
      packSize: item.packSize,
      vendorId: supply.vendor.id,
      unitPrice: supply.terms.unitPrice,
      minimumOrderQuantity: supply.terms.minimumOrderQuantity,
      leadTimeDays: supply.leadTimeDays,
      leadTimeStdDevDays: supply.vendor.leadTimeStdDevDays,
      position: { onHand, onOrder, inboundTransfers, committed } satisfies Omit<InventoryPosition, "position">
    }, parameters)
    if (order !== undefined) suggestions.push(order)
  }
  return { reviewed, suggestions, skipped }
}

/**
 * Balancing proposals across every warehouse, item by item: each warehouse's forecast demand
 * rate and safety stock (z·σ over the preferred vendor's lead time) as in replenishment.
 */
export const planBalancing = (
  network: NetworkSnapshot,
  parameters: ReplenishmentParameters & { readonly tolerance: number },
  only?: ReadonlyArray<Sku>
): { readonly reviewed: number; readonly items: ReadonlyArray<ItemBalance> } => {
  const positions = positionsOf(network)
  const series = demandSeries(network)
  const supplies = sources(network)
  const z = normalQuantile(parameters.serviceLevel)
  const items = network.items.filter((i) => only === undefined || only.includes(i.sku))
  const balances = items.map((item) => {
    const supply = supplies.get(item.sku)
    const sites = network.warehouses.map((warehouseId) => {
      const key = stockKey(item.sku, warehouseId)
      const parts = positions.get(key) ?? { onHand: 0, onOrder: 0, inboundTransfers: 0, committed: 0, reservedOut: 0 }
      const forecast = forecastDemand(series.get(key) ?? new Float64Array(network.historyDays), parameters)
      const sigma = leadTimeDeviation(forecast.perDay, forecast.sigmaPerDay, supply?.leadTimeDays ?? 0, supply?.vendor.leadTimeStdDevDays ?? 0)
      return {
        warehouseId,
        available: parts.onHand + parts.inboundTransfers - parts.committed,
        physical: parts.onHand - parts.reservedOut,
        demandPerDay: forecast.perDay,
        safetyStock: safetyStock(z, sigma)
      }
    })
    return balanceItem(item.sku, item.transferLotSize, sites, parameters.tolerance)
  })
  return { reviewed: items.length, items: balances.filter((b) => b.proposals.length > 0) }
}
