import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { Day } from "../../../src/domain/supply/Calendar.js"
import { Sku, VendorId, WarehouseId } from "../../../src/domain/supply/Ids.js"
import {
  ceilWhole,
  economicOrderQuantity,
  leadTimeDeviation,
  orderQuantity,
  ordersNeeded,
  reorderPoint,
  safetyStock
} from "../../../src/domain/supply/Inventory.js"
import { CurrencyCode, Money } from "../../../src/domain/supply/Money.js"
import { normalQuantile } from "../../../src/domain/supply/NormalQuantile.js"
import { planReplenishment } from "../../../src/domain/supply/Replenishment.js"

describe("the standard normal quantile (Wichura AS 241)", () => {
  it("matches tabulated quantiles to 1e-15", () => {
    const table: ReadonlyArray<readonly [number, number]> = [
      [0.5, 0],
      [0.8, 0.8416212335729143],
      [0.9, 1.2815515655446004],
      [0.95, 1.6448536269514722],
      [0.975, 1.959963984540054],
      [0.99, 2.3263478740408408],
      [0.999, 3.090232306167813],
      [1e-6, -4.753424308822899],
      [1e-10, -6.361340902404056]
    ]
    for (const [p, z] of table) assert.closeTo(normalQuantile(p), z, 1e-15 * Math.max(1, Math.abs(z)), `Φ⁻¹(${p})`)
    assert.deepStrictEqual([normalQuantile(0), normalQuantile(1), normalQuantile(1.5)], [-Infinity, Infinity, NaN])
  })

  it.prop("is odd around ½ and increasing", [fc.double({ min: 1e-4, max: 0.5, noNaN: true }), fc.double({ min: 1e-9, max: 0.01, noNaN: true })], ([p, step]) =>
    Math.abs(normalQuantile(p) + normalQuantile(1 - p)) < 1e-9 && normalQuantile(Math.min(p + step, 0.999)) > normalQuantile(p))

  /** Φ(z) = ½ + ∫₀ᶻ φ by Simpson's rule with 4,000 intervals: an independent check, to about 1e-13. */
  const cdf = (z: number) => {
    const n = 4000
    const h = z / n
    const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)
    let sum = phi(0) + phi(z)
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * phi(i * h)
    return 0.5 + (sum * h) / 3
  }

  it.prop("inverts the normal distribution function", [fc.double({ min: 0.001, max: 0.999, noNaN: true })], ([p]) =>
    Math.abs(cdf(normalQuantile(p)) - p) < 1e-12)
})

describe("textbook cases (Heizer & Render, Operations Management)", () => {
  it("EOQ: D = 1,000 units a year, S = $10 an order, H = $0.50 a unit-year → 200 units", () => {
    assert.strictEqual(economicOrderQuantity(1000, 10, 0.5), 200)
    assert.isNull(economicOrderQuantity(1000, 10, 0))
  })

  it("reorder point: 8,000 units over 250 working days, 3-day lead time → 96 units", () => {
    assert.strictEqual(reorderPoint(8000 / 250, 3, 0), 96)
  })

  it("safety stock: lead-time demand 350, σ 10, 95 % service → SS ≈ 16.45, ROP 367", () => {
    const z = normalQuantile(0.95)
    assert.closeTo(safetyStock(z, 10), 16.448536269514722, 1e-12)
    assert.strictEqual(reorderPoint(350, 1, safetyStock(z, 10)), 367)
  })

  it("variability over the lead time: √(L·σd² + d²·σL²)", () => {
    assert.strictEqual(leadTimeDeviation(10, 3, 4, 0), 6)
    assert.strictEqual(leadTimeDeviation(10, 0, 7, 2), 20)
    assert.closeTo(leadTimeDeviation(20, 4, 9, 1.5), Math.sqrt(9 * 16 + 400 * 2.25), 1e-12)
  })
})

describe("order quantity: max(EOQ, vendor minimum) rounded up to the pack", () => {
  it("rounds each case by hand", () => {
    assert.strictEqual(orderQuantity(604.15, 500, 24), 624)
    assert.strictEqual(orderQuantity(604.15, 1000, 24), 1008)
    assert.strictEqual(orderQuantity(200, 0, 1), 200)
    assert.strictEqual(orderQuantity(null, 0, 6), 6)
    assert.strictEqual(ceilWhole(95.99999999999999), 96)
  })

  it.prop("is a multiple of the pack, at least the minimum and the EOQ, and less than one pack above the larger", [
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.integer({ min: 0, max: 10_000 }),
    fc.integer({ min: 1, max: 500 })
  ], ([eoq, moq, pack]) => {
    const q = orderQuantity(eoq, moq, pack)
    const floor = Math.max(1, ceilWhole(eoq), moq)
    return q % pack === 0 && q >= floor && q - floor < pack
  })

  it.prop("EOQ minimises ordering plus holding cost DS/Q + QH/2", [
    fc.double({ min: 1, max: 1e6, noNaN: true }),
    fc.double({ min: 0.01, max: 1e4, noNaN: true }),
    fc.double({ min: 0.01, max: 1e3, noNaN: true }),
    fc.double({ min: 0.01, max: 0.99, noNaN: true })
  ], ([d, s, h, shift]) => {
    const q = economicOrderQuantity(d, s, h) ?? 0
    const cost = (x: number) => (d * s) / x + (x * h) / 2
    return Math.abs(q * q * h - 2 * d * s) <= 1e-9 * 2 * d * s && cost(q) <= cost(q * (1 + shift)) && cost(q) <= cost(q * (1 - shift))
  })

  it.prop("the reorder point is the least whole number covering d·L + SS", [
    fc.double({ min: 0, max: 1000, noNaN: true }),
    fc.integer({ min: 0, max: 120 }),
    fc.double({ min: 0, max: 1000, noNaN: true })
  ], ([d, l, ss]) => {
    const rop = reorderPoint(d, l, ss)
    const exact = d * l + ss
    return rop >= exact - 1e-6 && rop - 1 < exact
  })

  it("orders the least multiple of Q that lifts the position above the reorder point", () => {
    assert.strictEqual(ordersNeeded(75, 103, 624), 1)
    assert.strictEqual(ordersNeeded(-700, 103, 624), 2)
    assert.strictEqual(ordersNeeded(103, 103, 10), 1)
  })
})

describe("planReplenishment: a worked case", () => {
  const eur = CurrencyCode.make("EUR")
  const input = {
    sku: Sku.make("FILTER-10"),
    warehouseId: WarehouseId.make("AMS"),
    today: Day.make("2025-03-03"),
    history: Array.from({ length: 60 }, () => 10),
    packSize: 24,
    vendorId: VendorId.make("ACME"),
    unitPrice: new Money({ amount: 400, currency: eur }),
    minimumOrderQuantity: 500,
    leadTimeDays: 7,
    leadTimeStdDevDays: 2,
    position: { onHand: 80, onOrder: 0, inboundTransfers: 0, committed: 5 }
  }
  const parameters = { alpha: 0.2, intermittentAlpha: 0.1, intermittentMethod: "sba" as const, holdoutDays: 28, serviceLevel: 0.95, orderingCost: 5000, holdingCostRate: 0.25 }

  it("d = 10/day, σ_L = √(7·0 + 10²·2²) = 20, SS = 1.645·20, ROP = ⌈70 + 32.9⌉ = 103, EOQ = √(2·3650·5000/100) ≈ 604.2 → 624", () => {
    const { explanation, order } = planReplenishment(input, parameters)
    assert.strictEqual(explanation.forecast.perDay, 10)
    assert.strictEqual(explanation.sigmaOverLeadTime, 20)
    assert.closeTo(explanation.safetyStock, 32.897072539029444, 1e-9)
    assert.strictEqual(explanation.reorderPoint, 103)
    assert.strictEqual(explanation.annualDemand, 3650)
    assert.strictEqual(explanation.holdingCostPerUnitYear, 100)
    assert.closeTo(explanation.eoq ?? 0, Math.sqrt(365_000), 1e-9)
    assert.strictEqual(explanation.orderQuantity, 624)
    assert.deepStrictEqual(explanation.position, { onHand: 80, onOrder: 0, inboundTransfers: 0, committed: 5, position: 75 })
    assert.deepStrictEqual([order?.quantity, order?.expectedOn, order?.lineValue.amount], [624, "2025-03-10", 249_600])
  })

  it("suggests nothing above the reorder point, nor without demand unless the position is negative", () => {
    assert.isUndefined(planReplenishment({ ...input, position: { ...input.position, onHand: 200 } }, parameters).order)
    const idle = { ...input, history: Array.from({ length: 60 }, () => 0) }
    assert.isUndefined(planReplenishment({ ...idle, position: { ...input.position, onHand: 0, committed: 0 } }, parameters).order)
    assert.strictEqual(planReplenishment({ ...idle, position: { ...input.position, onHand: 0, committed: 3 } }, parameters).order?.quantity, 504)
  })
})
