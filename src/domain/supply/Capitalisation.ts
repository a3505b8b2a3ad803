import { Schema } from "effect"
import type { Day } from "./Calendar.js"
import type { Receipt } from "./Documents.js"
import { ReceiptId, Sku } from "./Ids.js"
import { allocate, type CostDocument, DocumentAllocation } from "./LandedCost.js"
import { averageUnitCost, ItemValuation, ValuationEntry } from "./Ledger.js"
import { Money } from "./Money.js"
import { emptyValuation } from "./Valuation.js"

/** A receipt line's landed cost, split between the part still in stock and the part already sold. */
export const LineCapitalisation = Schema.Struct({
  lineNo: Schema.Int,
  sku: Sku,
  quantity: Schema.Int,
  /** Units of this line still in stock (first in, first out: later receipts are the ones left). */
  remaining: Schema.Int,
  landedCost: Schema.Int,
  toInventory: Schema.Int,
  toCogs: Schema.Int
})
export type LineCapitalisation = typeof LineCapitalisation.Type

/** An item's moving-average valuation before and after. */
export const ItemCapitalisation = Schema.Struct({
  sku: Sku,
  quantityOnHand: Schema.Int,
  valueBefore: Schema.Int,
  valueAfter: Schema.Int,
  averageUnitCostBefore: Schema.NullOr(Schema.String),
  averageUnitCostAfter: Schema.NullOr(Schema.String),
  toInventory: Schema.Int,
  toCogs: Schema.Int
})
export type ItemCapitalisation = typeof ItemCapitalisation.Type

/** The landed costs were capitalised: every allocation, every line's split, every item's new average. */
export class LandedCostsCapitalised extends Schema.TaggedClass<LandedCostsCapitalised>()("LandedCostsCapitalised", {
  receiptId: ReceiptId,
  total: Money,
  toInventory: Money,
  toCogs: Money,
  documents: Schema.Array(DocumentAllocation),
  lines: Schema.Array(LineCapitalisation),
  items: Schema.Array(ItemCapitalisation)
}) {}

export interface CapitalisationInput {
  readonly receipt: Receipt
  readonly documents: ReadonlyArray<CostDocument>
  /** Current valuations of the receipt's items (tenant-wide quantity and value). */
  readonly valuations: ReadonlyMap<string, ItemValuation>
  /** Per item, the quantity received into stock after this receipt (valued inbound movements). */
  readonly inboundAfter: ReadonlyMap<string, number>
  readonly on: Day
}

export interface Capitalisation {
  readonly outcome: LandedCostsCapitalised
  readonly valuations: ReadonlyArray<ItemValuation>
  readonly entries: ReadonlyArray<ValuationEntry>
}

/**
 * Allocates each (valid) document over the receipt, then splits each line's landed cost: the
 * share of its units still in stock goes to inventory value (raising the moving average), the
 * rest to cost of goods sold. Stock is consumed first in, first out, so the units left of an
 * item are its latest receipts: this receipt still holds min(its quantity, on hand − received
 * since). The split rounds half up; both parts sum to the line's landed cost exactly.
 */
export const capitalise = (input: CapitalisationInput): Capitalisation => {
  const { receipt } = input
  const documents = input.documents.map((d) => allocate(receipt, d))
  const landed = new Map<number, number>()
  for (const allocation of documents) {
    for (const share of allocation.lines) landed.set(share.lineNo, (landed.get(share.lineNo) ?? 0) + share.allocated)
  }
  const valuationOf = (sku: Sku) => input.valuations.get(sku) ?? emptyValuation(sku, receipt.currency)
  const received = new Map<Sku, number>()
  for (const line of receipt.lines) received.set(line.sku, (received.get(line.sku) ?? 0) + line.quantity)
  const left = new Map<string, number>()
  for (const [sku, quantity] of received) {
    const still = valuationOf(sku).quantity - (input.inboundAfter.get(sku) ?? 0)
    left.set(sku, Math.min(quantity, Math.max(0, still)))
  }
  const lines = [...receipt.lines].reverse().map((line): LineCapitalisation => {
    const remaining = Math.min(line.quantity, left.get(line.sku) ?? 0)
    left.set(line.sku, (left.get(line.sku) ?? 0) - remaining)
    const landedCost = landed.get(line.lineNo) ?? 0
    const q = BigInt(line.quantity)
    const toInventory = Number((BigInt(landedCost) * BigInt(remaining) * 2n + q) / (2n * q))
    return { lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, remaining, landedCost, toInventory, toCogs: landedCost - toInventory }
  }).reverse()
  const totals = new Map<Sku, { toInventory: number; toCogs: number }>()
  for (const l of lines) {
    const total = totals.get(l.sku) ?? { toInventory: 0, toCogs: 0 }
    total.toInventory += l.toInventory
    total.toCogs += l.toCogs
    totals.set(l.sku, total)
  }
  const items = [...totals].map(([sku, { toCogs, toInventory }]): ItemCapitalisation => {
    const before = valuationOf(sku)
    const after = { ...before, value: before.value + toInventory }
    return {
      sku,
      quantityOnHand: before.quantity,
      valueBefore: before.value,
      valueAfter: after.value,
      averageUnitCostBefore: averageUnitCost(before),
      averageUnitCostAfter: averageUnitCost(after),
      toInventory,
      toCogs
    }
  })
  const currency = receipt.currency
  const sum = (pick: (i: ItemCapitalisation) => number) => items.reduce((total, i) => total + pick(i), 0)
  const outcome = new LandedCostsCapitalised({
    receiptId: receipt.id,
    total: new Money({ amount: sum((i) => i.toInventory + i.toCogs), currency }),
    toInventory: new Money({ amount: sum((i) => i.toInventory), currency }),
    toCogs: new Money({ amount: sum((i) => i.toCogs), currency }),
    documents,
    lines,
    items
  }, true)
  return {
    outcome,
    valuations: items.map((i) => new ItemValuation({ ...valuationOf(i.sku), value: i.valueAfter }, true)),
    entries: items.map((i) =>
      new ValuationEntry({
        sku: i.sku,
        kind: "landed-cost",
        quantity: 0,
        inventory: i.toInventory,
        cogs: i.toCogs,
        currency,
        reference: `receipt:${receipt.id}:landed-cost:${input.documents.map((d) => d.id).join(",")}`,
        occurredOn: input.on
      }, true)
    )
  }
}
