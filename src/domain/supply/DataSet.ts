import { Schema } from "effect"
import { Issue } from "../shared/Outcomes.js"
import { PurchaseOrder, SalesOrder, shippedQuantity } from "./Documents.js"
import { DemandRecord, isTransfer, StockMovement } from "./Ledger.js"
import { Item, SupplyTerms, Vendor, Warehouse } from "./MasterData.js"


/**
 * A batch of supply data to load into a tenant: master data is added or replaced by its code,
 * orders by their number, demand by its day; `movements` are appended to the inventory ledger
 * (opening balances as positive `adjustment`s with a unit cost, past shipments, counts).
 */
export class SupplyDataSet extends Schema.Class<SupplyDataSet>("SupplyDataSet")({
  items: Schema.optionalWith(Schema.Array(Item).pipe(Schema.maxItems(20_000)), { default: () => [] }),
  warehouses: Schema.optionalWith(Schema.Array(Warehouse).pipe(Schema.maxItems(1_000)), { default: () => [] }),
  vendors: Schema.optionalWith(Schema.Array(Vendor).pipe(Schema.maxItems(5_000)), { default: () => [] }),
  terms: Schema.optionalWith(Schema.Array(SupplyTerms).pipe(Schema.maxItems(50_000)), { default: () => [] }),
  purchaseOrders: Schema.optionalWith(Schema.Array(PurchaseOrder).pipe(Schema.maxItems(20_000)), { default: () => [] }),
  salesOrders: Schema.optionalWith(Schema.Array(SalesOrder).pipe(Schema.maxItems(20_000)), { default: () => [] }),
  demand: Schema.optionalWith(Schema.Array(DemandRecord).pipe(Schema.maxItems(500_000)), { default: () => [] }),
  movements: Schema.optionalWith(Schema.Array(StockMovement).pipe(Schema.maxItems(100_000)), { default: () => [] })
}) {}

/** The codes a tenant already has (master data the data set may refer to without carrying it). */
export interface KnownCodes {
  readonly skus: ReadonlySet<string>
  readonly warehouses: ReadonlySet<string>
  readonly vendors: ReadonlySet<string>
}

const duplicates = <A>(values: ReadonlyArray<A>, key: (a: A) => string, path: string): ReadonlyArray<Issue> => {
  const seen = new Set<string>()
  return values.flatMap((v, i) => {
    const k = key(v)
    if (!seen.has(k)) return (seen.add(k), [])
    return [new Issue({ path: `${path}[${i}]`, message: `${k} appears twice` })]
  })
}

/**
 * Every way the data set breaks referential integrity, with its path: a code given twice, a
 * reference to an item, warehouse or vendor neither known nor in the set, a stock line without
 * its warehouse or a dropship line without its vendor, line numbers repeated, more received or
 * shipped than ordered, transfer movements (they belong to transfer orders).
 */
export const validateDataSet = (data: SupplyDataSet, known: KnownCodes): ReadonlyArray<Issue> => {
  const skus = new Set([...known.skus, ...data.items.map((i) => i.sku)])
  const warehouses = new Set([...known.warehouses, ...data.warehouses.map((w) => w.id)])
  const vendors = new Set([...known.vendors, ...data.vendors.map((v) => v.id)])
  const issues: Array<Issue> = [
    ...duplicates(data.items, (i) => i.sku, "items"),
    ...duplicates(data.warehouses, (w) => w.id, "warehouses"),
    ...duplicates(data.vendors, (v) => v.id, "vendors"),
    ...duplicates(data.terms, (t) => `${t.vendorId}/${t.sku}`, "terms"),
    ...duplicates(data.purchaseOrders, (o) => o.id, "purchaseOrders"),
    ...duplicates(data.salesOrders, (o) => o.id, "salesOrders"),
    ...duplicates(data.demand, (d) => `${d.sku}@${d.warehouseId}/${d.day}`, "demand")
  ]
  const need = (set: ReadonlySet<string>, kind: string, value: string | undefined, path: string) => {
    if (value !== undefined && !set.has(value)) issues.push(new Issue({ path, message: `unknown ${kind} ${value}` }))
  }
  data.terms.forEach((t, i) => (need(skus, "item", t.sku, `terms[${i}].sku`), need(vendors, "vendor", t.vendorId, `terms[${i}].vendorId`)))
  data.purchaseOrders.forEach((o, i) => {
    const at = `purchaseOrders[${i}]`
    need(vendors, "vendor", o.vendorId, `${at}.vendorId`)
    if (o.destination._tag === "ToWarehouse") need(warehouses, "warehouse", o.destination.warehouseId, `${at}.destination.warehouseId`)
    issues.push(...duplicates(o.lines, (l) => String(l.lineNo), `${at}.lines`))
    o.lines.forEach((l, j) => {
      need(skus, "item", l.sku, `${at}.lines[${j}].sku`)
      if (l.receivedQuantity > l.quantity) issues.push(new Issue({ path: `${at}.lines[${j}].receivedQuantity`, message: "more received than ordered" }))
    })
  })
  data.salesOrders.forEach((o, i) => {
    const at = `salesOrders[${i}]`
    issues.push(...duplicates(o.lines, (l) => String(l.lineNo), `${at}.lines`))
    o.lines.forEach((l, j) => {
      need(skus, "item", l.sku, `${at}.lines[${j}].sku`)
      if (l.dropship && l.vendorId === undefined) issues.push(new Issue({ path: `${at}.lines[${j}].vendorId`, message: "a dropship line needs its vendor" }))
      if (!l.dropship && l.warehouseId === undefined) issues.push(new Issue({ path: `${at}.lines[${j}].warehouseId`, message: "a stock line needs its warehouse" }))
      need(warehouses, "warehouse", l.warehouseId, `${at}.lines[${j}].warehouseId`)
      need(vendors, "vendor", l.vendorId, `${at}.lines[${j}].vendorId`)
      if (shippedQuantity(o, l.lineNo) > l.quantity) issues.push(new Issue({ path: `${at}.shipments`, message: `line ${l.lineNo}: more shipped than ordered` }))
    })
    o.shipments.forEach((s, j) => {
      if (!o.lines.some((l) => l.lineNo === s.lineNo)) issues.push(new Issue({ path: `${at}.shipments[${j}].lineNo`, message: `no line ${s.lineNo}` }))
    })
  })
  data.demand.forEach((d, i) => (need(skus, "item", d.sku, `demand[${i}].sku`), need(warehouses, "warehouse", d.warehouseId, `demand[${i}].warehouseId`)))
  data.movements.forEach((m, i) => {
    need(skus, "item", m.sku, `movements[${i}].sku`)
    need(warehouses, "warehouse", m.warehouseId, `movements[${i}].warehouseId`)
    if (isTransfer(m.kind)) issues.push(new Issue({ path: `movements[${i}].kind`, message: "transfers move stock through transfer orders" }))
  })
  return issues
}

/** How many records of each kind a data set carries. */
export const countsOf = (data: SupplyDataSet): Record<string, number> => ({
  items: data.items.length,
  warehouses: data.warehouses.length,
  vendors: data.vendors.length,
  terms: data.terms.length,
  purchaseOrders: data.purchaseOrders.length,
  salesOrders: data.salesOrders.length,
  demand: data.demand.length,
  movements: data.movements.length
})
