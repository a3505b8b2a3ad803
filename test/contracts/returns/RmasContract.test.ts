import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { RmaId } from "../../../src/domain/returns/Rma.js"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { Rmas } from "../../../src/orchestration/returns/Rmas.js"
import { adapterFamilies } from "../../support/Adapters.js"
import { at, rma } from "../../support/returns/RmaFixtures.js"
import { acme, globex, sku } from "../../support/SupplyFixtures.js"

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Rmas contract: ${family.name}`, () => {
    it.live("inserts once per id and tenant, finds, and keeps tenants apart", () =>
      Effect.gen(function*() {
        const rmas = yield* Rmas
        const first = rma("RMA-1")
        assert.isTrue(yield* rmas.insert(acme, first))
        assert.isFalse(yield* rmas.insert(acme, rma("RMA-1", { quantity: 5 })))
        assert.isTrue(yield* rmas.insert(globex, rma("RMA-1", { quantity: 5 })))
        assert.deepStrictEqual(yield* rmas.find(acme, RmaId.make("RMA-1")), Option.some(first))
        assert.strictEqual(Option.getOrThrow(yield* rmas.find(globex, RmaId.make("RMA-1"))).quantity, 5)
        assert.isTrue(Option.isNone(yield* rmas.find(acme, RmaId.make("RMA-2"))))
      }).pipe(Effect.provide(family.layer)))

    it.live("lists the RMAs whose workflow waits, of every tenant, oldest request first, up to a limit", () =>
      Effect.gen(function*() {
        const rmas = yield* Rmas
        yield* rmas.insert(acme, rma("RMA-1", { requestedAt: at("2025-03-05T10:00:00Z") }))
        yield* rmas.insert(globex, rma("RMA-1", { state: "Received", requestedAt: at("2025-03-04T10:00:00Z") }))
        yield* rmas.insert(acme, rma("RMA-2", { state: "Inspected", requestedAt: at("2025-03-06T10:00:00Z") }))
        for (const [n, state] of [[3, "Rejected"], [4, "Expired"], [5, "Closed"], [6, "Refunded"]] as const) {
          yield* rmas.insert(acme, rma(`RMA-${n}`, { state, requestedAt: at("2025-03-01T10:00:00Z") }))
        }
        const keys = (list: ReadonlyArray<{ readonly tenantId: string; readonly rma: { readonly id: string } }>) =>
          list.map((entry) => `${entry.tenantId}:${entry.rma.id}`)
        assert.deepStrictEqual(keys(yield* rmas.awaiting(10)), ["globex:RMA-1", "acme:RMA-1", "acme:RMA-2"])
        assert.deepStrictEqual(keys(yield* rmas.awaiting(2)), ["globex:RMA-1", "acme:RMA-1"])
      }).pipe(Effect.provide(family.layer)))

    it.live("updates by compare-and-set on the version", () =>
      Effect.gen(function*() {
        const rmas = yield* Rmas
        yield* rmas.insert(acme, rma("RMA-1"))
        const received = rma("RMA-1", { state: "Received", version: 2 })
        assert.isTrue(yield* rmas.update(acme, received))
        assert.isFalse(yield* rmas.update(acme, rma("RMA-1", { state: "Expired", version: 2 })), "a stale version is refused")
        assert.isFalse(yield* rmas.update(acme, rma("RMA-9", { version: 2 })), "an unknown RMA is not created")
        assert.isFalse(yield* rmas.update(globex, received), "another tenant's RMA is out of reach")
        assert.deepStrictEqual(yield* rmas.find(acme, RmaId.make("RMA-1")), Option.some(received))
        assert.isTrue(Option.isNone(yield* rmas.find(acme, RmaId.make("RMA-9"))))
      }).pipe(Effect.provide(family.layer)))

    it.live("lists by state, sales order, item and time range, in id order, page by page", () =>
      Effect.gen(function*() {
        const rmas = yield* Rmas
        const all = [
          rma("RMA-1", { requestedAt: at("2025-03-05T10:00:00Z") }),
          rma("RMA-2", { state: "Rejected", requestedAt: at("2025-03-06T10:00:00Z") }),
          rma("RMA-3", { salesOrderId: SalesOrderId.make("S-2"), sku: sku("B"), requestedAt: at("2025-03-07T10:00:00Z") }),
          rma("RMA-4", { state: "Closed", requestedAt: at("2025-03-08T10:00:00Z") })
        ]
        yield* Effect.forEach([...all].reverse(), (r) => rmas.insert(acme, r))
        yield* rmas.insert(globex, rma("RMA-0"))
        const ids = (list: ReadonlyArray<{ readonly id: string }>) => list.map((r) => r.id)
        assert.deepStrictEqual(ids(yield* rmas.list(acme, { limit: 10 })), ["RMA-1", "RMA-2", "RMA-3", "RMA-4"])
        assert.deepStrictEqual(ids(yield* rmas.list(acme, { limit: 10, state: "Rejected" })), ["RMA-2"])
        assert.deepStrictEqual(ids(yield* rmas.list(acme, { limit: 10, salesOrderId: SalesOrderId.make("S-2") })), ["RMA-3"])
        assert.deepStrictEqual(ids(yield* rmas.list(acme, { limit: 10, sku: sku("A") })), ["RMA-1", "RMA-2", "RMA-4"])
        assert.deepStrictEqual(
          ids(yield* rmas.list(acme, { limit: 10, from: at("2025-03-06T10:00:00Z"), to: at("2025-03-08T10:00:00Z") })),
          ["RMA-2", "RMA-3"]
        )
        const page1 = yield* rmas.list(acme, { limit: 2 })
        const page2 = yield* rmas.list(acme, { limit: 2, after: page1[1]!.id })
        assert.deepStrictEqual([ids(page1), ids(page2)], [["RMA-1", "RMA-2"], ["RMA-3", "RMA-4"]])
        assert.deepStrictEqual(ids(yield* rmas.forSalesOrder(acme, SalesOrderId.make("S-1"))), ["RMA-1", "RMA-2", "RMA-4"])
        assert.deepStrictEqual(yield* rmas.list(acme, { limit: 10 }), all)
      }).pipe(Effect.provide(family.layer)))
  })
}
