import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option } from "effect"
import { Committed, OutOfStock, ReservationLapsed, Reserved, StockLevel } from "../../src/domain/commerce/Stock.js"
import { ContractViolation } from "../../src/domain/shared/Defects.js"
import { Inventory } from "../../src/orchestration/commerce/Inventory.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, arrange, globex, minutes, reservationId, reservationLine, sku, stockItem, t0 } from "../support/CommerceFixtures.js"

const available = (tenant = acme, at = t0) =>
  Effect.flatMap(Inventory, (inventory) => inventory.levels(tenant, [sku("tea"), sku("cup")], at)).pipe(
    Effect.map((levels) => Object.fromEntries(levels.map((level) => [level.sku, [level.onHand, level.available]])))
  )

const reserve = (id: string, lines: ReadonlyArray<readonly [string, number]>, expiresIn = 15, now = t0, backorder = false) =>
  Effect.flatMap(Inventory, (inventory) => {
    const request = { id: reservationId(id), lines: [reservationLine(lines[0]![0], lines[0]![1]), ...lines.slice(1).map(([s, q]) => reservationLine(s, q))] as const, expiresAt: minutes(expiresIn) }
    return backorder ? inventory.reserveBackorder(acme, request, now) : inventory.reserve(acme, request, now)
  })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Inventory contract: ${family.name}`, () => {
    it.live("lists the tenant's known products in SKU order with their price and availability", () =>
      Effect.gen(function*() {
        const inventory = yield* Inventory
        yield* arrange(acme, [stockItem("tea", 5, 450), stockItem("cup", 2, 1200)])
        yield* arrange(globex, [stockItem("tea", 99)])
        const levels = yield* inventory.levels(acme, [sku("tea"), sku("nope"), sku("cup"), sku("tea")], t0)
        assert.deepStrictEqual(levels, [
          new StockLevel({ ...stockItem("cup", 2, 1200), available: 2 }),
          new StockLevel({ ...stockItem("tea", 5, 450), available: 5 })
        ])
        assert.deepStrictEqual(yield* inventory.levels(acme, [], t0), [])
        yield* inventory.put(acme, stockItem("tea", 7, 500))
        assert.deepStrictEqual((yield* inventory.levels(acme, [sku("tea")], t0))[0]?.unitPrice.amount, 500)
        assert.deepStrictEqual(yield* available(globex), { tea: [99, 99] })
      }).pipe(Effect.provide(family.layer)))

    it.live("reserves all or nothing, naming the products short", () =>
      Effect.gen(function*() {
        yield* arrange(acme, [stockItem("tea", 5), stockItem("cup", 1)])
        assert.deepStrictEqual(yield* reserve("r1", [["tea", 2], ["cup", 2]]), new OutOfStock({ skus: [sku("cup")] }))
        assert.deepStrictEqual(yield* reserve("r1b", [["ghost", 1]]), new OutOfStock({ skus: [sku("ghost")] }))
        assert.deepStrictEqual(yield* available(), { tea: [5, 5], cup: [1, 1] }, "nothing held")
        assert.deepStrictEqual(yield* reserve("r2", [["tea", 2], ["cup", 1]]), new Reserved({ reservationId: reservationId("r2"), backordered: [] }))
        assert.deepStrictEqual(yield* available(), { tea: [5, 3], cup: [1, 0] })
        assert.deepStrictEqual(yield* reserve("r3", [["cup", 1]]), new OutOfStock({ skus: [sku("cup")] }))
        assert.deepStrictEqual(yield* reserve("r2", [["tea", 2], ["cup", 1]]), new Reserved({ reservationId: reservationId("r2"), backordered: [] }), "idempotent")
        assert.deepStrictEqual(yield* available(), { tea: [5, 3], cup: [1, 0] }, "held once")
      }).pipe(Effect.provide(family.layer)))

    it.live("stops holding units when a reservation expires or is released; release is idempotent", () =>
      Effect.gen(function*() {
        const inventory = yield* Inventory
        yield* arrange(acme, [stockItem("tea", 5)])
        yield* reserve("short", [["tea", 2]], 5)
        yield* reserve("long", [["tea", 1]], 30)
        assert.deepStrictEqual(yield* available(acme, minutes(4)), { tea: [5, 2] })
        assert.deepStrictEqual(yield* available(acme, minutes(5)), { tea: [5, 4] }, "expired at its expiry instant")
        yield* inventory.release(acme, reservationId("long"))
        yield* inventory.release(acme, reservationId("long"))
        yield* inventory.release(acme, reservationId("unknown"))
        yield* inventory.release(globex, reservationId("short"))
        assert.deepStrictEqual(yield* available(acme, t0), { tea: [5, 3] }, "another tenant cannot release it")
      }).pipe(Effect.provide(family.layer)))

    it.live("commits a reservation into a sale once; committed units leave the stock on hand", () =>
      Effect.gen(function*() {
        const inventory = yield* Inventory
        yield* arrange(acme, [stockItem("tea", 5), stockItem("cup", 3)])
        yield* reserve("r", [["tea", 2], ["cup", 3]])
        assert.deepStrictEqual(yield* inventory.commit(acme, reservationId("r"), minutes(1)), new Committed())
        assert.deepStrictEqual(yield* inventory.commit(acme, reservationId("r"), minutes(2)), new Committed(), "idempotent")
        assert.deepStrictEqual(yield* available(), { tea: [3, 3], cup: [0, 0] })
        yield* inventory.release(acme, reservationId("r"))
        assert.deepStrictEqual(yield* available(), { tea: [3, 3], cup: [0, 0] }, "a committed reservation is not released")
      }).pipe(Effect.provide(family.layer)))

    it.live("commits an expired reservation only while its units are still available", () =>
      Effect.gen(function*() {
        const inventory = yield* Inventory
        yield* arrange(acme, [stockItem("tea", 3)])
        yield* reserve("late", [["tea", 2]], 5)
        assert.deepStrictEqual(yield* inventory.commit(acme, reservationId("late"), minutes(10)), new Committed(), "still available")
        yield* reserve("lapsing", [["tea", 1]], 5)
        yield* reserve("other", [["tea", 1]], 30, minutes(6))
        assert.deepStrictEqual(yield* inventory.commit(acme, reservationId("lapsing"), minutes(7)), new ReservationLapsed({ skus: [sku("tea")] }))
        assert.deepStrictEqual(yield* available(acme, minutes(7)), { tea: [1, 0] }, "nothing committed")
      }).pipe(Effect.provide(family.layer)))

    it.live("backorders beyond what is available and commits the backorder even after expiry", () =>
      Effect.gen(function*() {
        const inventory = yield* Inventory
        yield* arrange(acme, [stockItem("tea", 1), stockItem("cup", 4)])
        assert.deepStrictEqual(
          yield* reserve("b", [["tea", 3], ["cup", 1]], 5, t0, true),
          new Reserved({ reservationId: reservationId("b"), backordered: [sku("tea")] })
        )
        assert.deepStrictEqual(yield* available(), { tea: [1, -2], cup: [4, 3] })
        assert.deepStrictEqual(yield* reserve("s", [["tea", 1]]), new OutOfStock({ skus: [sku("tea")] }))
        assert.deepStrictEqual(yield* inventory.commit(acme, reservationId("b"), minutes(60)), new Committed())
        assert.deepStrictEqual(yield* available(acme, minutes(60)), { tea: [-2, -2], cup: [3, 3] })
      }).pipe(Effect.provide(family.layer)))

    it.live("treats committing an unknown or released reservation as a contract violation", () =>
      Effect.gen(function*() {
        const inventory = yield* Inventory
        yield* arrange(acme, [stockItem("tea", 3)])
        yield* reserve("gone", [["tea", 1]])
        yield* inventory.release(acme, reservationId("gone"))
        for (const id of ["gone", "never"]) {
          const exit = yield* Effect.exit(inventory.commit(acme, reservationId(id), t0))
          const defect = Exit.isFailure(exit) ? Option.getOrNull(Cause.dieOption(exit.cause)) : null
          assert.instanceOf(defect, ContractViolation, id)
        }
      }).pipe(Effect.provide(family.layer)))

    it.live("never holds more than is available under concurrent reservations", () =>
      Effect.gen(function*() {
        yield* arrange(acme, [stockItem("tea", 5)])
        const results = yield* Effect.forEach(Array.from({ length: 20 }, (_, i) => i), (i) => reserve(`c${i}`, [["tea", 1]]), {
          concurrency: "unbounded"
        })
        assert.strictEqual(results.filter((r) => r._tag === "Reserved").length, 5)
        assert.deepStrictEqual(yield* available(), { tea: [5, 0] })
      }).pipe(Effect.provide(family.layer)))
  })
}
