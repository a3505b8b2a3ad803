import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { balanceItem, type BalancingSite } from "../../../src/domain/supply/Balancing.js"
import { Day } from "../../../src/domain/supply/Calendar.js"
import { Sku, TransferOrderId, WarehouseId } from "../../../src/domain/supply/Ids.js"
import { ceilWhole } from "../../../src/domain/supply/Inventory.js"
import { TransferOrder, transition } from "../../../src/domain/supply/TransferOrder.js"

const sku = Sku.make("FILTER-10")
const site = (id: string, available: number, demandPerDay: number, safetyStock: number, physical = available): BalancingSite => ({
  warehouseId: WarehouseId.make(id),
  available,
  physical,
  demandPerDay,
  safetyStock
})

describe("warehouse balancing: a worked case", () => {
  it("600 units for 25/day is 24 days of cover: A (40 days) gives 160 in lots of 10 to B (5 days); C (30 days) is inside the band", () => {
    const balance = balanceItem(sku, 10, [site("A", 400, 10, 50), site("B", 50, 10, 30), site("C", 150, 5, 20)], 0.25)
    assert.strictEqual(balance.targetCoverDays, 24)
    assert.deepStrictEqual(balance.sites.map((s) => [String(s.warehouseId), s.coverDays, s.target, s.surplus, s.need]), [
      ["A", 40, 240, 160, 0],
      ["B", 5, 240, 0, 190],
      ["C", 30, 120, 0, 0]
    ])
    assert.deepStrictEqual(balance.proposals, [{ sku, from: WarehouseId.make("A"), to: WarehouseId.make("B"), quantity: 160 }])
    assert.deepStrictEqual(balance.sites.map((s) => [s.availableAfter, s.coverDaysAfter]), [[240, 24], [210, 21], [150, 30]])
  })

  it("never gives below a safety stock above the target, nor more than can physically leave", () => {
    const guarded = balanceItem(sku, 1, [site("A", 400, 10, 380), site("B", 0, 10, 0)], 0.25)
    assert.deepStrictEqual(guarded.proposals, [{ sku, from: WarehouseId.make("A"), to: WarehouseId.make("B"), quantity: 20 }])
    const reserved = balanceItem(sku, 1, [site("A", 400, 10, 0, 30), site("B", 0, 10, 0)], 0.25)
    assert.deepStrictEqual(reserved.proposals, [{ sku, from: WarehouseId.make("A"), to: WarehouseId.make("B"), quantity: 30 }])
  })

  it("feeds the neediest first, from the largest surplus first; a warehouse without demand gives all above its safety stock", () => {
    // 410 units for 25/day: 16.4 days. A (no demand) may give 100 − 10 = 90; D 300 − ⌈82⌉ = 218 → 215 in lots of 5.
    // C (0 days) needs 164 → 165 from D; B (1 day) needs 154 → 155: 90 from A, then 50 (all D has left) from D.
    const balance = balanceItem(sku, 5, [site("A", 100, 0, 10), site("B", 10, 10, 0), site("C", 0, 10, 0), site("D", 300, 5, 0)], 0)
    assert.deepStrictEqual(balance.sites.map((s) => [s.surplus, s.need]), [[90, 0], [0, 154], [0, 164], [215, 0]])
    assert.deepStrictEqual(balance.proposals.map((p) => [p.from, p.to, p.quantity]), [["D", "C", 165], ["A", "B", 90], ["D", "B", 50]])
  })
})

const sites = fc.array(
  fc.record({
    available: fc.integer({ min: -20, max: 500 }),
    physical: fc.integer({ min: 0, max: 600 }),
    demandPerDay: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 30, noNaN: true })),
    safetyStock: fc.double({ min: 0, max: 100, noNaN: true })
  }),
  { minLength: 1, maxLength: 6 }
).map((rows) => rows.map((r, i) => ({ ...r, warehouseId: WarehouseId.make(`W${i}`) })))

describe("warehouse balancing: properties", () => {
  it.prop("conserves stock, moves whole lots, and never takes a source below its safety stock or its physical stock", [
    sites,
    fc.integer({ min: 1, max: 25 }),
    fc.double({ min: 0, max: 0.9, noNaN: true })
  ], ([network, lot, tolerance]) => {
    const balance = balanceItem(sku, lot, network, tolerance)
    const before = network.reduce((t, s) => t + s.available, 0)
    const after = balance.sites.reduce((t, s) => t + s.availableAfter, 0)
    const given = (id: string) => balance.proposals.filter((p) => p.from === id).reduce((t, p) => t + p.quantity, 0)
    const received = (id: string) => balance.proposals.filter((p) => p.to === id).reduce((t, p) => t + p.quantity, 0)
    return before === after &&
      balance.proposals.every((p) => p.quantity > 0 && p.quantity % lot === 0 && p.from !== p.to) &&
      network.every((s) => {
        const out = given(s.warehouseId)
        return out === 0 || (s.available - out >= ceilWhole(s.safetyStock) && out <= s.physical && received(s.warehouseId) === 0)
      })
  })
})

describe("transfer orders: the transition function", () => {
  const order = new TransferOrder({
    id: TransferOrderId.make("T-1"), sku, from: WarehouseId.make("A"), to: WarehouseId.make("B"), quantity: 10,
    status: "reserved", createdOn: Day.make("2025-03-03"), expectedOn: Day.make("2025-03-05")
  })
  const on = Day.make("2025-03-04")
  const events = [{ _tag: "Ship", on } as const, { _tag: "Receive", on } as const, { _tag: "Release", reason: "cancelled" } as const]
  const table: ReadonlyArray<readonly [TransferOrder["status"], string, string]> = [
    ["reserved", "Ship", "shipped"],
    ["reserved", "Receive", "refused"],
    ["reserved", "Release", "released"],
    ["shipped", "Ship", "refused"],
    ["shipped", "Receive", "received"],
    ["shipped", "Release", "refused"],
    ["received", "Ship", "refused"],
    ["received", "Receive", "refused"],
    ["received", "Release", "refused"],
    ["released", "Ship", "refused"],
    ["released", "Receive", "refused"],
    ["released", "Release", "refused"]
  ]

  it("allows reserved → shipped → received and reserved → released, and nothing else", () => {
    for (const [status, tag, expected] of table) {
      const event = events.find((e) => e._tag === tag)
      if (event === undefined) throw new Error(tag)
      const next = transition(new TransferOrder({ ...order, status }), event)
      assert.strictEqual(Either.isRight(next) ? next.right.status : "refused", expected, `${status} + ${tag}`)
    }
  })
})
