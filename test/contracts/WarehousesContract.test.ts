import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { TransferOrderId } from "../../src/domain/supply/Ids.js"
import { TransferOrder } from "../../src/domain/supply/TransferOrder.js"
import { Warehouses } from "../../src/orchestration/supply/Warehouses.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, day, globex, sku, transfer, warehouse, wh } from "../support/SupplyFixtures.js"

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Warehouses contract: ${family.name}`, () => {
    it.live("adds and replaces warehouses per tenant", () =>
      Effect.gen(function*() {
        const warehouses = yield* Warehouses
        yield* warehouses.putWarehouses(acme, [warehouse("BER"), warehouse("AMS")])
        yield* warehouses.putWarehouses(acme, [{ ...warehouse("BER"), name: "Berlin" }])
        yield* warehouses.putWarehouses(globex, [warehouse("NYC")])
        assert.deepStrictEqual((yield* warehouses.warehouses(acme)).map((w) => [w.id, w.name]), [["AMS", "Warehouse AMS"], ["BER", "Berlin"]])
      }).pipe(Effect.provide(family.layer)))

    it.live("adds transfers only when every id is new, filters them, and updates one by compare-and-set", () =>
      Effect.gen(function*() {
        const warehouses = yield* Warehouses
        const t1 = transfer("T-1", "A", "AMS", "BER", 10)
        const t2 = transfer("T-2", "B", "BER", "MAD", 5)
        assert.isTrue(yield* warehouses.addTransfers(acme, [t1, t2]))
        assert.isFalse(yield* warehouses.addTransfers(acme, [transfer("T-3", "A", "AMS", "MAD", 1), transfer("T-1", "A", "AMS", "MAD", 1)]))
        assert.isTrue(Option.isNone(yield* warehouses.transfer(acme, TransferOrderId.make("T-3"))))
        assert.isTrue(yield* warehouses.addTransfers(globex, [t1]))
        const shipped = new TransferOrder({ ...t1, status: "shipped", shippedOn: day("2025-03-04") })
        assert.isTrue(yield* warehouses.updateTransfer(acme, shipped, "reserved"))
        assert.isFalse(yield* warehouses.updateTransfer(acme, new TransferOrder({ ...t1, status: "released", releaseReason: "late" }), "reserved"))
        assert.deepStrictEqual(yield* warehouses.transfer(acme, TransferOrderId.make("T-1")), Option.some(shipped))
        const ids = (filter: Parameters<typeof warehouses.transfers>[1]) => Effect.map(warehouses.transfers(acme, filter), (ts) => ts.map((t) => t.id))
        assert.deepStrictEqual(yield* ids({}), ["T-1", "T-2"])
        assert.deepStrictEqual(yield* ids({ statuses: ["reserved"] }), ["T-2"])
        assert.deepStrictEqual(yield* ids({ warehouseId: wh("BER") }), ["T-1", "T-2"])
        assert.deepStrictEqual(yield* ids({ warehouseId: wh("MAD"), skus: [sku("A")] }), [])
        assert.deepStrictEqual((yield* warehouses.transfers(globex, {})).map((t) => t.status), ["reserved"])
      }).pipe(Effect.provide(family.layer)))
  })
}
