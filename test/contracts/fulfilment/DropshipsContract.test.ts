import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Dropship, DropshipShipment } from "../../../src/domain/fulfilment/Dropship.js"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { Dropships } from "../../../src/orchestration/fulfilment/Dropships.js"
import { adapterFamilies } from "../../support/Adapters.js"
import { at, dropship } from "../../support/DropshipFixtures.js"
import { acme, day, globex } from "../../support/SupplyFixtures.js"

const so = (id: string) => SalesOrderId.make(id)

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Dropships contract: ${family.name}`, () => {
    it.live("creates one record per line, finds it whole, lists by line and state, per tenant", () =>
      Effect.gen(function*() {
        const store = yield* Dropships
        const first = dropship("acme", "S-2", 1)
        assert.isTrue(yield* store.create(first))
        assert.isFalse(yield* store.create(dropship("acme", "S-2", 1, { state: "Cancelled" })), "a line has one record")
        assert.isTrue(yield* store.create(dropship("acme", "S-10", 2, { state: "AwaitingVendor" })))
        assert.isTrue(yield* store.create(dropship("acme", "S-10", 1, { state: "Fulfilled" })))
        assert.isTrue(yield* store.create(dropship("globex", "S-2", 1)))
        assert.deepStrictEqual(yield* store.find(acme, so("S-2"), 1), Option.some(first))
        assert.isTrue(Option.isNone(yield* store.find(acme, so("S-2"), 2)))
        const keys = (ds: ReadonlyArray<Dropship>) => ds.map((d) => `${d.salesOrderId}/${d.lineNo}`)
        assert.deepStrictEqual(keys(yield* store.list(acme, {})), ["S-10/1", "S-10/2", "S-2/1"])
        assert.deepStrictEqual(keys(yield* store.list(acme, { states: ["AwaitingVendor", "Placing"] })), ["S-10/2", "S-2/1"])
        assert.deepStrictEqual(keys(yield* store.list(globex, {})), ["S-2/1"])
      }).pipe(Effect.provide(family.layer)))

    it.live("updates by compare-and-set on the version: a stale writer changes nothing", () =>
      Effect.gen(function*() {
        const store = yield* Dropships
        const start = dropship("acme", "S-1", 1)
        yield* store.create(start)
        const shipped = new Dropship({
          ...start,
          state: "PartiallyShipped",
          shipments: [new DropshipShipment({ quantity: 2, carrier: "DHL", trackingNumber: "JD1", shippedOn: day("2025-03-02") })],
          updatedAt: at("2025-03-02T08:00:00Z"),
          version: 1
        })
        assert.isTrue(yield* store.update(shipped, 0))
        assert.isFalse(yield* store.update(new Dropship({ ...start, state: "Cancelled", version: 1 }), 0), "stale")
        assert.isFalse(yield* store.update(new Dropship({ ...start, lineNo: 9, version: 1 }), 0), "no such record")
        assert.deepStrictEqual(yield* store.find(acme, so("S-1"), 1), Option.some(shipped))
        assert.deepStrictEqual((yield* store.list(acme, { states: ["PartiallyShipped"] })).length, 1)
      }).pipe(Effect.provide(family.layer)))

    it.live("lists unsettled records of every tenant, oldest change first, up to a limit", () =>
      Effect.gen(function*() {
        const store = yield* Dropships
        yield* store.create(dropship("acme", "S-1", 1, { state: "AwaitingVendor", updatedAt: at("2025-03-03T00:00:00Z") }))
        yield* store.create(dropship("globex", "S-1", 1, { state: "Placing", updatedAt: at("2025-03-01T00:00:00Z") }))
        yield* store.create(dropship("acme", "S-2", 1, { state: "Shipped", updatedAt: at("2025-03-02T00:00:00Z") }))
        for (const [n, state] of [[3, "Fulfilled"], [4, "Cancelled"], [5, "VendorRejected"]] as const) {
          yield* store.create(dropship("acme", `S-${n}`, 1, { state }))
        }
        const keys = (ds: ReadonlyArray<Dropship>) => ds.map((d) => `${d.tenantId}:${d.salesOrderId}`)
        assert.deepStrictEqual(keys(yield* store.unsettled(10)), ["globex:S-1", "acme:S-2", "acme:S-1"])
        assert.deepStrictEqual(keys(yield* store.unsettled(2)), ["globex:S-1", "acme:S-2"])
        const first = Option.getOrThrow(yield* store.find(globex, so("S-1"), 1))
        yield* store.update(new Dropship({ ...first, state: "Cancelled", updatedAt: at("2025-03-04T00:00:00Z"), version: 1 }), 0)
        assert.deepStrictEqual(keys(yield* store.unsettled(10)), ["acme:S-2", "acme:S-1"])
      }).pipe(Effect.provide(family.layer)))

    it.live("concurrent writers at the same version: exactly one wins", () =>
      Effect.gen(function*() {
        const store = yield* Dropships
        const start = dropship("acme", "S-1", 1)
        yield* store.create(start)
        const wins = yield* Effect.all(
          Array.from({ length: 10 }, (_, i) => store.update(new Dropship({ ...start, reason: `writer ${i}`, version: 1 }), 0)),
          { concurrency: "unbounded" }
        )
        assert.strictEqual(wins.filter(Boolean).length, 1)
      }).pipe(Effect.provide(family.layer)))
  })
}
