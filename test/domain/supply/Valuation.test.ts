import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { Day } from "../../../src/domain/supply/Calendar.js"
import { Sku, WarehouseId } from "../../../src/domain/supply/Ids.js"
import { averageUnitCost, type ItemValuation, type MovementKind, StockMovement } from "../../../src/domain/supply/Ledger.js"
import { CurrencyCode } from "../../../src/domain/supply/Money.js"
import { emptyValuation, valueMovement } from "../../../src/domain/supply/Valuation.js"

const sku = Sku.make("A")
const eur = CurrencyCode.make("EUR")
const move = (kind: MovementKind, quantity: number, unitCost?: number) =>
  new StockMovement({
    sku, warehouseId: WarehouseId.make("AMS"), quantity, kind, reference: "test", occurredOn: Day.make("2025-03-01"),
    ...(unitCost === undefined ? {} : { unitCost })
  })
const apply = (valuation: ItemValuation, movement: StockMovement) =>
  Either.getOrThrowWith(valueMovement(valuation, movement), (reason) => new Error(reason))

describe("moving-average valuation", () => {
  it("averages receipts, issues at the average (half up), and the last units out take exactly what is left", () => {
    let v = apply(emptyValuation(sku, eur), move("receipt", 10, 100)).valuation
    v = apply(v, move("receipt", 5, 130)).valuation
    assert.deepStrictEqual([v.quantity, v.value, averageUnitCost(v)], [15, 1650, "1.100000"])
    const issued = apply(v, move("shipment", -4))
    assert.deepStrictEqual([issued.entry?.inventory, issued.entry?.cogs], [-440, 440])
    const third = apply(issued.valuation, move("receipt", 3, 101)).valuation
    assert.deepStrictEqual([third.value, averageUnitCost(third)], [1513, "1.080714"])
    const last = apply(third, move("scrap", -14))
    assert.deepStrictEqual([last.valuation.quantity, last.valuation.value, last.entry?.cogs], [0, 0, 1513])
  })

  it("refuses going below zero and an inbound without a cost when there is nothing to average", () => {
    assert.isTrue(Either.isLeft(valueMovement(emptyValuation(sku, eur), move("shipment", -1))))
    assert.isTrue(Either.isLeft(valueMovement(emptyValuation(sku, eur), move("adjustment", 2))))
  })

  it("leaves the valuation alone for transfers; a customer return at the average takes value back from COGS", () => {
    const v = apply(emptyValuation(sku, eur), move("receipt", 3, 100)).valuation
    assert.deepStrictEqual(apply(v, move("transfer-out", -2)), { valuation: v, entry: undefined })
    const returned = apply(v, move("customer-return", 1))
    assert.deepStrictEqual([returned.valuation.value, returned.entry?.inventory, returned.entry?.cogs], [400, 100, -100])
  })

  it.prop("value is never negative, is zero with no stock, and inventory + COGS equals everything received", [
    fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10_000 })), { maxLength: 60 })
  ], ([steps]) => {
    let v = emptyValuation(sku, eur)
    let received = 0
    let cogs = 0
    for (const [inbound, quantity, cost] of steps) {
      const movement = inbound ? move("receipt", quantity, cost) : move("shipment", -Math.min(quantity, v.quantity))
      if (!inbound && v.quantity === 0) continue
      const next = apply(v, movement)
      received += inbound ? quantity * cost : 0
      cogs += next.entry?.cogs ?? 0
      v = next.valuation
      if (v.value < 0 || (v.quantity === 0 && v.value !== 0)) return false
    }
    return v.value + cogs === received
  })
})
