import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { availableToPromise, Dated, promise } from "../../../src/domain/supply/Atp.js"
import { addDays, Day, fromEpochDay, toEpochDay } from "../../../src/domain/supply/Calendar.js"
import { Sku, WarehouseId } from "../../../src/domain/supply/Ids.js"

const today = Day.make("2025-03-03")
const sku = Sku.make("BOLT-M8")
const warehouseId = WarehouseId.make("AMS")
const on = (offset: number, quantity: number, source = "test") => new Dated({ on: addDays(today, offset), quantity, source })

/**
 * The discrete ATP with look-ahead of APICS / Vollmann et al., Manufacturing Planning and
 * Control: on hand 30, MPS receipts of 50 in periods 2, 4 and 6, customer orders 15, 20, 30,
 * 10, 25, 40. By hand: ATP₁ = 30 − 15 = 15; ATP₂ = 50 − (20 + 30) = 0; ATP₄ = 50 − (10 + 25) =
 * 15; ATP₆ = 50 − 40 = 10; cumulative 15, 15, 15, 30, 30, 40.
 */
const textbook = availableToPromise({
  sku,
  warehouseId,
  today,
  horizonDays: 6,
  onHand: 30,
  receipts: [on(1, 50, "PO-1"), on(3, 50, "PO-2"), on(5, 50, "PO-3")],
  demands: [on(0, 15), on(1, 20), on(2, 30), on(3, 10), on(4, 25), on(5, 40)]
})

describe("available-to-promise: the textbook case", () => {
  it("nets each bucket's shortfall backwards into earlier ATP", () => {
    assert.deepStrictEqual(textbook.buckets.map((b) => b.net), [15, 30, -30, 40, -25, 10])
    assert.deepStrictEqual(textbook.buckets.map((b) => b.atp), [15, 0, 0, 15, 0, 10])
    assert.deepStrictEqual(textbook.buckets.map((b) => b.cumulativeAtp), [15, 15, 15, 30, 30, 40])
    assert.deepStrictEqual(textbook.buckets.map((b) => b.projectedOnHand), [15, 45, 15, 55, 30, 40])
    assert.deepStrictEqual(textbook.buckets.map((b) => b.date), ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08"])
  })

  it("promises on the wanted day when it can, else the earliest later day, else says how much is available", () => {
    const onTime = promise(textbook, 10, addDays(today, 1))
    assert.deepStrictEqual([onTime._tag, onTime._tag === "Promisable" ? onTime.date : null], ["Promisable", "2025-03-04"])
    const later = promise(textbook, 20, addDays(today, 1))
    assert.deepStrictEqual([later._tag, later._tag === "Promisable" ? later.date : null], ["Promisable", "2025-03-06"])
    const never = promise(textbook, 45, today)
    assert.deepStrictEqual([never._tag, never._tag === "CannotPromise" ? never.available : null], ["CannotPromise", 40])
    const past = promise(textbook, 15, addDays(today, -10))
    assert.deepStrictEqual([past._tag, past._tag === "Promisable" ? past.date : null], ["Promisable", "2025-03-03"])
  })

  it("puts overdue receipts and commitments in the first bucket and nets those beyond the horizon", () => {
    const profile = availableToPromise({
      sku, warehouseId, today, horizonDays: 3, onHand: 10,
      receipts: [on(-2, 5), on(10, 20)],
      demands: [on(-1, 3), on(20, 30)]
    })
    assert.deepStrictEqual(profile.buckets.map((b) => [b.scheduledReceipts, b.committedDemand]), [[5, 3], [0, 0], [0, 0]])
    assert.deepStrictEqual(profile.beyondHorizon, { receipts: 20, demand: 30 })
    assert.deepStrictEqual(profile.buckets.map((b) => b.cumulativeAtp), [2, 2, 2])
  })

  it("shows an over-commitment as a negative first bucket", () => {
    const profile = availableToPromise({ sku, warehouseId, today, horizonDays: 2, onHand: 5, receipts: [], demands: [on(1, 8)] })
    assert.deepStrictEqual(profile.buckets.map((b) => b.atp), [-3, 0])
    assert.strictEqual(promise(profile, 1, today)._tag, "CannotPromise")
  })
})

const scenario = fc.record({
  horizon: fc.integer({ min: 1, max: 30 }),
  onHand: fc.integer({ min: 0, max: 100 }),
  receipts: fc.array(fc.tuple(fc.integer({ min: -3, max: 35 }), fc.integer({ min: 0, max: 60 })), { maxLength: 12 }),
  demands: fc.array(fc.tuple(fc.integer({ min: -3, max: 35 }), fc.integer({ min: 0, max: 60 })), { maxLength: 12 }),
  quantity: fc.integer({ min: 1, max: 150 }),
  wanted: fc.integer({ min: -2, max: 30 })
})

const profileOf = (s: typeof scenario extends fc.Arbitrary<infer A> ? A : never) =>
  availableToPromise({
    sku, warehouseId, today, horizonDays: s.horizon, onHand: s.onHand,
    receipts: s.receipts.map(([d, q]) => on(d, q)),
    demands: s.demands.map(([d, q]) => on(d, q))
  })

/** Cumulative supply − demand at every bucket, then after everything beyond the horizon. */
const cumulativeUnnetted = (profile: ReturnType<typeof availableToPromise>) => {
  const projected = profile.buckets.map((b) => b.projectedOnHand)
  return [...projected, (projected.at(-1) ?? 0) + profile.beyondHorizon.receipts - profile.beyondHorizon.demand]
}

describe("available-to-promise: properties", () => {
  it.prop("cumulative ATP is the running sum of the buckets' ATP, and only the first bucket may be negative", [scenario], ([s]) => {
    const profile = profileOf(s)
    let running = 0
    return profile.buckets.every((b, i) => {
      running += b.atp
      return b.cumulativeAtp === running && (i === 0 || b.atp >= 0) && b.net === (i === 0 ? s.onHand : 0) + b.scheduledReceipts - b.committedDemand
    })
  })

  it.prop("cumulative ATP on a day is the least cumulative supply − demand from that day on (nothing later is broken)", [scenario], ([s]) => {
    const profile = profileOf(s)
    const unnetted = cumulativeUnnetted(profile)
    return profile.buckets.every((b, i) => b.cumulativeAtp === Math.min(...unnetted.slice(i)))
  })

  it.prop("a promise can be covered on its date and every later one, and no earlier day from the wanted one could", [scenario], ([s]) => {
    const profile = profileOf(s)
    const unnetted = cumulativeUnnetted(profile)
    const from = Math.max(0, s.wanted)
    const coveredFrom = (i: number) => unnetted.slice(i).every((a) => a - s.quantity >= 0)
    const outcome = promise(profile, s.quantity, addDays(today, s.wanted))
    if (from >= s.horizon) return outcome._tag === "CannotPromise"
    if (outcome._tag === "CannotPromise") {
      return Array.from({ length: s.horizon - from }, (_, k) => from + k).every((i) => !coveredFrom(i)) &&
        outcome.available === Math.max(0, profile.buckets.at(-1)?.cumulativeAtp ?? 0)
    }
    const at = profile.buckets.findIndex((b) => b.date === outcome.date)
    return at >= from && coveredFrom(at) && Array.from({ length: at - from }, (_, k) => from + k).every((i) => !coveredFrom(i))
  })
})

describe("calendar days", () => {
  it.prop("convert to and from epoch days as the JavaScript Date does", [fc.integer({ min: -700_000, max: 2_900_000 })], ([n]) => {
    const day = fromEpochDay(n)
    return day === new Date(n * 86_400_000).toISOString().slice(0, 10) && toEpochDay(day) === n
  })
})
