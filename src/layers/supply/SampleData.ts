import { addDays, type Day } from "../../domain/supply/Calendar.js"
import { SupplyDataSet } from "../../domain/supply/DataSet.js"
import { PurchaseOrderId, ReceiptId, Sku, VendorId, WarehouseId } from "../../domain/supply/Ids.js"
import { DemandRecord, StockMovement } from "../../domain/supply/Ledger.js"
import { Item, SupplyTerms, Vendor, Warehouse } from "../../domain/supply/MasterData.js"
import { CurrencyCode, Money } from "../../domain/supply/Money.js"
import type { ReceiptInput } from "../../domain/supply/Receiving.js"
import { nonEmpty, samplePurchaseOrders, sampleSalesOrders } from "./SampleOrders.js"

/**
 * baton's sample supply data: a cycling-parts distributor with warehouses in Amsterdam, Berlin
 * and Madrid, twelve items (smooth, erratic, intermittent and lumpy demand), three vendors, a
 * year of daily demand, stock, open purchase and sales orders (one dropship line) and a receipt
 * ready for landed costs. Dates are relative to `today`; the demand is pseudo-random from fixed
 * seeds, so the same day gives the same data.
 */

const eur = CurrencyCode.make("EUR")
const AMS = WarehouseId.make("AMS")
const BER = WarehouseId.make("BER")
const MAD = WarehouseId.make("MAD")
export const sampleWarehouses = [AMS, BER, MAD] as const

type Pattern = (random: () => number, day: number, site: number) => number
interface SampleItem {
  readonly item: Item
  readonly vendor: string
  readonly price: number
  readonly moq: number
  readonly pattern: Pattern
  /** Stock wanted today at AMS, BER, MAD. */
  readonly ending: readonly [number, number, number]
}

/** mulberry32: a small, fast, seedable generator (deterministic sample data). */
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const poisson = (random: () => number, mean: number) => {
  let k = 0
  let p = 1
  const limit = Math.exp(-mean)
  while ((p *= random()) > limit) k++
  return k
}
const season = (day: number) => 1 + 0.35 * Math.sin((2 * Math.PI * day) / 365)
const smooth = (means: readonly [number, number, number]): Pattern => (random, day, site) => poisson(random, (means[site] ?? 0) * season(day))
const sporadic = (probability: number, max: number, scale: readonly [number, number, number]): Pattern => (random, _day, site) =>
  random() < probability * (scale[site] ?? 0) ? 1 + Math.floor(random() * max) : 0
const erratic: Pattern = (random, _day, site) => (random() < 0.06 ? 12 + Math.floor(random() * 10) : poisson(random, [2.5, 1.5, 1.2][site] ?? 0))

const item = (sku: string, name: string, packSize: number, lot: number, grams: number, cm3: number, returnable = true) =>
  new Item({ sku: Sku.make(sku), name, unitOfMeasure: "pc", packSize, transferLotSize: lot, returnable, unitWeightGrams: grams, unitVolumeCm3: cm3 })

export const sampleItems: ReadonlyArray<SampleItem> = [
  { item: item("TUBE-700C", "Inner tube 700x25c", 10, 10, 110, 300), vendor: "VELO", price: 320, moq: 100, pattern: smooth([14, 9, 6]), ending: [140, 250, 90] },
  { item: item("TIRE-700C", "Road tyre 700x25c", 5, 5, 230, 1500), vendor: "ROUE", price: 1850, moq: 20, pattern: smooth([6, 4, 4]), ending: [80, 170, 5] },
  { item: item("CHAIN-11S", "11-speed chain", 10, 10, 250, 200), vendor: "VELO", price: 2150, moq: 20, pattern: erratic, ending: [35, 20, 30] },
  { item: item("BRAKE-PAD", "Disc brake pads (pair)", 20, 20, 40, 50), vendor: "VELO", price: 690, moq: 40, pattern: smooth([8, 5, 4]), ending: [40, 200, 10] },
  { item: item("CASSETTE-11", "11-speed cassette 11-32", 1, 2, 300, 600), vendor: "VELO", price: 4800, moq: 5, pattern: sporadic(0.3, 2, [1, 0.6, 0.5]), ending: [3, 2, 1] },
  { item: item("WHEEL-29", "29in wheelset", 1, 1, 1900, 60000), vendor: "ROUE", price: 21000, moq: 2, pattern: sporadic(0.2, 1, [1, 0.8, 0.6]), ending: [2, 4, 1] },
  { item: item("FRAME-M", "Gravel frame size M", 1, 1, 1400, 90000), vendor: "ROUE", price: 38000, moq: 1, pattern: sporadic(0.06, 6, [1, 0.7, 0.5]), ending: [4, 1, 0] },
  { item: item("HELMET-M", "Helmet size M", 4, 4, 300, 8000), vendor: "VELO", price: 3400, moq: 8, pattern: smooth([3, 2, 2]), ending: [10, 30, 25] },
  { item: item("LIGHT-SET", "USB light set", 6, 6, 150, 700), vendor: "LUX", price: 1500, moq: 24, pattern: smooth([4, 3, 2]), ending: [30, 24, 12] },
  { item: item("GLOVES-L", "Winter gloves L", 12, 12, 120, 900, false), vendor: "VELO", price: 900, moq: 24, pattern: sporadic(0.3, 3, [1, 1, 0.4]), ending: [40, 36, 20] },
  { item: item("SADDLE", "Saddle", 1, 1, 250, 3000), vendor: "VELO", price: 2900, moq: 5, pattern: sporadic(0.4, 1, [1, 0.8, 0.8]), ending: [8, 5, 9] },
  { item: item("PUMP", "Floor pump", 2, 2, 1800, 9000), vendor: "LUX", price: 2400, moq: 6, pattern: sporadic(0.25, 1, [1, 1, 1]), ending: [2, 8, 3] }
]

const vendors = [
  new Vendor({ id: VendorId.make("VELO"), name: "Velo Components BV", leadTimeDays: 7, leadTimeStdDevDays: 1.5, dropships: false }),
  new Vendor({ id: VendorId.make("ROUE"), name: "Roue Industries SA", leadTimeDays: 21, leadTimeStdDevDays: 4, dropships: false }),
  new Vendor({ id: VendorId.make("LUX"), name: "Lux Lighting GmbH", leadTimeDays: 14, leadTimeStdDevDays: 2, dropships: true })
]

const terms = [
  ...sampleItems.map((s) =>
    new SupplyTerms({ vendorId: VendorId.make(s.vendor), sku: s.item.sku, unitPrice: new Money({ amount: s.price, currency: eur }), minimumOrderQuantity: s.moq, priority: 1 })
  ),
  new SupplyTerms({ vendorId: VendorId.make("ROUE"), sku: Sku.make("TUBE-700C"), unitPrice: new Money({ amount: 300, currency: eur }), minimumOrderQuantity: 500, leadTimeDays: 28, priority: 2 })
]

/** The receipt that arrives at AMS ten days ago against PO-1001 (landed costs can be tried on it). */
const receiptLines: ReadonlyArray<readonly [number, string, number, number]> = [[1, "TUBE-700C", 200, 320], [2, "CHAIN-11S", 40, 2150], [3, "BRAKE-PAD", 80, 690], [5, "CASSETTE-11", 10, 4800]]

export interface SampleData {
  /** Master data, orders, demand, the opening stock and the shipments before the receipt. */
  readonly base: SupplyDataSet
  readonly receipt: ReceiptInput
  /** The shipments after the receipt. */
  readonly later: SupplyDataSet
}

export const sampleData = (today: Day): SampleData => {
  const demand: Array<DemandRecord> = []
  const before: Array<StockMovement> = []
  const after: Array<StockMovement> = []
  const openings: Array<StockMovement> = []
  const receiptDay = -10
  sampleItems.forEach((s, i) => {
    sampleWarehouses.forEach((warehouseId, site) => {
      const random = generator(1000 * (i + 1) + site)
      const daily = Array.from({ length: 365 }, (_, d) => s.pattern(random, d, site))
      daily.forEach((quantity, d) => demand.push(new DemandRecord({ sku: s.item.sku, warehouseId, day: addDays(today, d - 365), quantity })))
      const inbound = site === 0 ? (receiptLines.find((l) => l[1] === s.item.sku)?.[2] ?? 0) : 0
      const weeks = Array.from({ length: 7 }, (_, w) => ({ offset: -42 + w * 6, quantity: daily.slice(365 - 42 + w * 6, 365 - 42 + (w + 1) * 6).reduce((a, b) => a + b, 0) }))
      const shippedBefore = weeks.filter((w) => w.offset + 6 <= receiptDay).reduce((t, w) => t + w.quantity, 0)
      const shipped = weeks.reduce((t, w) => t + w.quantity, 0)
      const opening = Math.max((s.ending[site] ?? 0) + shipped - inbound, shippedBefore)
      openings.push(new StockMovement({ sku: s.item.sku, warehouseId, quantity: Math.max(1, opening), kind: "adjustment", reference: "opening-balance", occurredOn: addDays(today, -45), unitCost: s.price }))
      for (const w of weeks) {
        if (w.quantity === 0) continue
        const movement = new StockMovement({ sku: s.item.sku, warehouseId, quantity: -w.quantity, kind: "shipment", reference: `shipments:week${w.offset}`, occurredOn: addDays(today, w.offset + 5) })
        ;(w.offset + 6 <= receiptDay ? before : after).push(movement)
      }
    })
  })
  const base = new SupplyDataSet({
    items: sampleItems.map((s) => s.item),
    warehouses: [new Warehouse({ id: AMS, name: "Amsterdam" }), new Warehouse({ id: BER, name: "Berlin" }), new Warehouse({ id: MAD, name: "Madrid" })],
    vendors,
    terms,
    purchaseOrders: samplePurchaseOrders(today),
    salesOrders: sampleSalesOrders(today),
    demand,
    movements: [...openings, ...before]
  })
  const receipt: ReceiptInput = {
    id: ReceiptId.make("R-1001"),
    warehouseId: AMS,
    vendorId: VendorId.make("VELO"),
    purchaseOrderId: PurchaseOrderId.make("PO-1001"),
    currency: eur,
    receivedOn: addDays(today, receiptDay),
    lines: nonEmpty(receiptLines.map(([line, sku, quantity, unitCost], i) => ({ lineNo: i + 1, sku: Sku.make(sku), quantity, unitCost, purchaseOrderLine: line })))
  }
  return { base, receipt, later: new SupplyDataSet({ movements: after }) }
}

