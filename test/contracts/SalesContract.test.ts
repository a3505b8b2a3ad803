import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Shipment } from "../../src/domain/supply/Documents.js"
import { SalesOrderId } from "../../src/domain/supply/Ids.js"
import { DemandRecord } from "../../src/domain/supply/Ledger.js"
import { Sales } from "../../src/orchestration/supply/Sales.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, day, globex, salesOrder, sku, soLine, wh } from "../support/SupplyFixtures.js"

const demand = (code: string, warehouseId: string, d: string, quantity: number) => new DemandRecord({ sku: sku(code), warehouseId: wh(warehouseId), day: day(d), quantity })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Sales contract: ${family.name}`, () => {
    it.live("stores sales orders whole, with dropship lines and shipments, and filters them", () =>
      Effect.gen(function*() {
        const sales = yield* Sales
        const s1 = salesOrder("S-1", [soLine(1, "A", 5, "2025-03-10", "AMS"), soLine(2, "C", 1, "2025-03-12", undefined)], {
          shipments: [new Shipment({ lineNo: 1, quantity: 2, shippedOn: day("2025-03-04"), carrier: "DHL", trackingNumber: "JD0001" })]
        })
        const s2 = salesOrder("S-2", [soLine(1, "B", 3, "2025-03-11", "BER")], { status: "closed" })
        yield* sales.putSalesOrders(acme, [s1, s2])
        yield* sales.putSalesOrders(globex, [salesOrder("S-9", [soLine(1, "A", 1, "2025-03-10", "AMS")])])
        assert.deepStrictEqual(yield* sales.salesOrder(acme, SalesOrderId.make("S-1")), Option.some(s1))
        const replaced = salesOrder("S-2", [soLine(1, "B", 4, "2025-03-11", "BER"), soLine(2, "A", 1, "2025-03-11", "BER")])
        yield* sales.putSalesOrders(acme, [replaced])
        assert.deepStrictEqual(yield* sales.salesOrder(acme, SalesOrderId.make("S-2")), Option.some(replaced))
        const ids = (filter: Parameters<typeof sales.salesOrders>[1]) => Effect.map(sales.salesOrders(acme, filter), (os) => os.map((o) => o.id))
        assert.deepStrictEqual(yield* ids({}), ["S-1", "S-2"])
        assert.deepStrictEqual(yield* ids({ warehouseId: wh("BER") }), ["S-2"])
        assert.deepStrictEqual(yield* ids({ skus: [sku("C")], statuses: ["open"] }), ["S-1"])
        assert.deepStrictEqual(yield* ids({ statuses: ["cancelled"] }), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("records a shipment once per line, carrier and tracking number, keeping the order otherwise as it was", () =>
      Effect.gen(function*() {
        const sales = yield* Sales
        const order = salesOrder("S-1", [soLine(1, "A", 5, "2025-03-10", undefined), soLine(2, "B", 2, "2025-03-10", undefined)])
        yield* sales.putSalesOrders(acme, [order])
        const shipment = (lineNo: number, trackingNumber: string, quantity: number) =>
          new Shipment({ lineNo, quantity, shippedOn: day("2025-03-04"), carrier: "DHL", trackingNumber })
        assert.isTrue(yield* sales.recordShipment(acme, order.id, shipment(1, "T1", 2)))
        assert.isFalse(yield* sales.recordShipment(acme, order.id, shipment(1, "T1", 2)), "the same shipment again")
        assert.isTrue(yield* sales.recordShipment(acme, order.id, shipment(2, "T1", 2)), "another line")
        assert.isFalse(yield* sales.recordShipment(globex, order.id, shipment(1, "T2", 1)), "no such order in that tenant")
        const concurrent = yield* Effect.all([3, 4, 5, 6].map((n) => sales.recordShipment(acme, order.id, shipment(1, `T${n}`, 1))), { concurrency: "unbounded" })
        assert.deepStrictEqual(concurrent, [true, true, true, true])
        const stored = Option.getOrThrow(yield* sales.salesOrder(acme, order.id))
        assert.deepStrictEqual(stored.shipments.map((s) => `${s.lineNo}:${s.trackingNumber}`).sort(), ["1:T1", "1:T3", "1:T4", "1:T5", "1:T6", "2:T1"])
        assert.deepStrictEqual(stored.lines, order.lines)
      }).pipe(Effect.provide(family.layer)))

    it.live("stores daily demand, replacing a day recorded again, and reads a window", () =>
      Effect.gen(function*() {
        const sales = yield* Sales
        yield* sales.putDemand(acme, [demand("A", "AMS", "2025-03-01", 4), demand("A", "AMS", "2025-03-02", 0), demand("B", "AMS", "2025-03-01", 2), demand("A", "BER", "2025-03-03", 9)])
        yield* sales.putDemand(acme, [demand("A", "AMS", "2025-03-01", 6)])
        yield* sales.putDemand(globex, [demand("A", "AMS", "2025-03-01", 100)])
        const window = yield* sales.demand(acme, { from: day("2025-03-01"), to: day("2025-03-02"), warehouseId: wh("AMS") })
        assert.deepStrictEqual(window.map((d) => [d.sku, d.day, d.quantity]), [["A", "2025-03-01", 6], ["A", "2025-03-02", 0], ["B", "2025-03-01", 2]])
        assert.deepStrictEqual((yield* sales.demand(acme, { from: day("2025-01-01"), to: day("2025-12-31"), skus: [sku("A")] })).map((d) => d.warehouseId), ["AMS", "AMS", "BER"])
      }).pipe(Effect.provide(family.layer)))
  })
}
