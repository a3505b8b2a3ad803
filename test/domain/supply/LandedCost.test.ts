import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { largestRemainder } from "../../../src/domain/supply/Allocation.js"
import { Day } from "../../../src/domain/supply/Calendar.js"
import { capitalise } from "../../../src/domain/supply/Capitalisation.js"
import { Receipt, ReceiptLine } from "../../../src/domain/supply/Documents.js"
import { CostDocumentId, ReceiptId, Sku, VendorId, WarehouseId } from "../../../src/domain/supply/Ids.js"
import { allocate, CostDocument, validateCostDocuments } from "../../../src/domain/supply/LandedCost.js"
import { ItemValuation } from "../../../src/domain/supply/Ledger.js"
import { CurrencyCode, Money } from "../../../src/domain/supply/Money.js"

const eur = CurrencyCode.make("EUR")
const line = (lineNo: number, sku: string, quantity: number, unitCost: number, weightGrams: number, volumeCm3 = 0) =>
  new ReceiptLine({ lineNo, sku: Sku.make(sku), quantity, unitCost, weightGrams, volumeCm3 })

/** 10 × 10.00 (50 kg), 5 × 30.00 (20 kg), 1 × 50.00 (30 kg): value 300.00, weight 100 kg, 16 units. */
const receipt = new Receipt({
  id: ReceiptId.make("R-1"),
  warehouseId: WarehouseId.make("AMS"),
  vendorId: VendorId.make("ACME"),
  currency: eur,
  receivedOn: Day.make("2025-03-01"),
  lines: [line(1, "A", 10, 1000, 50_000, 120_000), line(2, "B", 5, 3000, 20_000, 30_000), line(3, "C", 1, 5000, 30_000, 0)]
})
const document = (id: string, basis: CostDocument["basis"], amount: number, currency = eur) =>
  new CostDocument({ id: CostDocumentId.make(id), kind: "freight", basis, amount: new Money({ amount, currency }) })

describe("largest-remainder allocation: worked cases", () => {
  it("100.00 by weight 50:20:30 → 50.00, 20.00, 30.00", () => {
    assert.deepStrictEqual(allocate(receipt, document("F", "weight", 10_000)).lines.map((l) => l.allocated), [5000, 2000, 3000])
  })

  it("100.00 duty by value 100:150:50 → 33.33⅓, 50.00, 16.66⅔ → 33.33, 50.00, 16.67 (the larger remainder gets the cent)", () => {
    const duty = allocate(receipt, document("D", "value", 10_000))
    assert.deepStrictEqual(duty.lines.map((l) => l.allocated), [3333, 5000, 1667])
    assert.deepStrictEqual(duty.lines.map((l) => l.exactShare), ["3333.333333", "5000.000000", "1666.666667"])
    assert.strictEqual(duty.basisTotal, "30000")
  })

  it("10.00 insurance by quantity 10:5:1 of 16 → 6.25, 3.125, 0.625 → 6.25, 3.13, 0.62 (a tie goes to the earlier line)", () => {
    assert.deepStrictEqual(allocate(receipt, document("I", "quantity", 1000)).lines.map((l) => l.allocated), [625, 313, 62])
  })

  it("100.00 over three equal lines → 33.34, 33.33, 33.33; only the lines named share a document", () => {
    assert.deepStrictEqual(largestRemainder(10_000n, [1n, 1n, 1n]), [3334n, 3333n, 3333n])
    const restricted = new CostDocument({ ...document("V", "volume", 700), lines: [1, 2] })
    assert.deepStrictEqual(allocate(receipt, restricted).lines.map((l) => [l.lineNo, l.allocated]), [[1, 560], [2, 140]])
  })
})

describe("cost document validation", () => {
  it("names every problem with its path", () => {
    const issues = validateCostDocuments(receipt, [
      document("X", "value", 100, CurrencyCode.make("USD")),
      document("X", "quantity", 0),
      new CostDocument({ ...document("Y", "weight", 100), lines: [3, 9] }),
      new CostDocument({ ...document("Z", "volume", 100), lines: [3] })
    ])
    assert.deepStrictEqual(issues.map((i) => i.path), [
      "documents[0].amount.currency",
      "documents[1].id",
      "documents[1].amount.amount",
      "documents[2].lines",
      "documents[3].basis"
    ])
    assert.deepStrictEqual(validateCostDocuments(receipt, []).map((i) => i.path), ["documents"])
    assert.deepStrictEqual(validateCostDocuments(receipt, [document("OK", "weight", 1)]), [])
  })
})

describe("largest-remainder allocation: properties", () => {
  const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0n))
  it.prop("always sums exactly, and every part is within one minor unit of its exact share", [fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), weights], ([total, w]) => {
    const parts = largestRemainder(total, w)
    const sum = w.reduce((a, b) => a + b, 0n)
    const within = parts.every((part, i) => {
      const gap = part * sum - total * (w[i] ?? 0n)
      return (gap < 0n ? -gap : gap) < sum
    })
    return parts.reduce((a, b) => a + b, 0n) === total && within && parts.every((p, i) => (w[i] === 0n ? p === 0n : true))
  })
})

describe("capitalisation: inventory value for what is in stock, cost of goods sold for what was sold", () => {
  const valuation = (sku: string, quantity: number, value: number) => new ItemValuation({ sku: Sku.make(sku), currency: eur, quantity, value })
  const documents = [document("F", "weight", 10_000), document("D", "value", 10_000), document("I", "quantity", 1000)]

  it("splits line 1's 89.58 for 6 of 10 units left: 53.75 to inventory, 35.83 to COGS; the average goes from 10.00 to 18.958333", () => {
    const { entries, outcome, valuations } = capitalise({
      receipt,
      documents,
      valuations: new Map([["A", valuation("A", 6, 6000)], ["B", valuation("B", 5, 15_000)], ["C", valuation("C", 0, 0)]]),
      inboundAfter: new Map(),
      on: Day.make("2025-03-05")
    })
    assert.deepStrictEqual(outcome.lines.map((l) => [l.sku, l.landedCost, l.remaining, l.toInventory, l.toCogs]), [
      ["A", 8958, 6, 5375, 3583],
      ["B", 7313, 5, 7313, 0],
      ["C", 4729, 0, 0, 4729]
    ])
    assert.deepStrictEqual(outcome.items.map((i) => [i.sku, i.averageUnitCostBefore, i.averageUnitCostAfter]), [
      ["A", "10.000000", "18.958333"],
      ["B", "30.000000", "44.626000"],
      ["C", null, null]
    ])
    assert.deepStrictEqual([outcome.total.amount, outcome.toInventory.amount, outcome.toCogs.amount], [21_000, 12_688, 8312])
    assert.deepStrictEqual(valuations.map((v) => v.value), [11_375, 22_313, 0])
    assert.deepStrictEqual(entries.map((e) => [e.sku, e.inventory, e.cogs]), [["A", 5375, 3583], ["B", 7313, 0], ["C", 0, 4729]])
  })

  it("counts later receipts as the stock left (first in, first out)", () => {
    const { outcome } = capitalise({
      receipt,
      documents: [document("F", "weight", 10_000)],
      valuations: new Map([["A", valuation("A", 12, 12_000)], ["B", valuation("B", 5, 15_000)], ["C", valuation("C", 1, 5000)]]),
      inboundAfter: new Map([["A", 8]]),
      on: Day.make("2025-03-05")
    })
    assert.deepStrictEqual(outcome.lines.map((l) => l.remaining), [4, 5, 1])
    assert.deepStrictEqual(outcome.lines.map((l) => l.toInventory), [2000, 2000, 3000])
  })

  it.prop("each line's split sums to its landed cost, and the documents sum to the total", [
    fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 10_000 })), { minLength: 1, maxLength: 20 }),
    fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 0, max: 10_000 })
  ], ([rows, amounts, sold]) => {
    const r = new Receipt({ ...receipt, lines: rows.map(([q, c, w], i) => line(i + 1, `S${i % 3}`, q, c, w)) as [ReceiptLine, ...Array<ReceiptLine>] })
    const docs = amounts.map((a, i) => document(`D${i}`, "weight", a))
    const stock = new Map(["S0", "S1", "S2"].map((s) => {
      const received = r.lines.filter((l) => l.sku === s).reduce((t, l) => t + l.quantity, 0)
      return [s, valuation(s, Math.max(0, received - sold), 0)] as const
    }))
    const { outcome } = capitalise({ receipt: r, documents: docs, valuations: stock, inboundAfter: new Map(), on: Day.make("2025-03-05") })
    return outcome.total.amount === amounts.reduce((a, b) => a + b, 0) &&
      outcome.lines.every((l) => l.toInventory + l.toCogs === l.landedCost && l.toInventory >= 0 && l.toCogs >= 0 && l.remaining <= l.quantity)
  })
})
