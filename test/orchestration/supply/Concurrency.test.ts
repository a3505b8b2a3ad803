import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { SupplyDataSet } from "../../../src/domain/supply/DataSet.js"
import { Sku } from "../../../src/domain/supply/Ids.js"
import { InventoryLedger } from "../../../src/orchestration/supply/InventoryLedger.js"
import { loadSupplyData } from "../../../src/orchestration/supply/loadSupplyData.js"
import { adapterFamilies } from "../../support/Adapters.js"
import { item, movement, warehouse } from "../../support/SupplyFixtures.js"
import { demo, expectTag, system } from "./support.js"

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`concurrent postings: ${family.name}`, () => {
    it.live("postings of the same items never lose an update, even an item's first", () =>
      Effect.gen(function*() {
        expectTag(yield* loadSupplyData(system, demo, new SupplyDataSet({ items: [item("A")], warehouses: [warehouse("W")] })), "SupplyDataLoaded")
        const receive = (i: number) => loadSupplyData(system, demo, new SupplyDataSet({ movements: [movement("A", "W", 10, "receipt", `r-${i}`, 100 + i)] }))
        const outcomes = yield* Effect.all(Array.from({ length: 6 }, (_, i) => receive(i)), { concurrency: "unbounded" })
        assert.isTrue(outcomes.every((o) => o._tag === "SupplyDataLoaded"), JSON.stringify(outcomes.map((o) => o._tag)))
        const ship = () => loadSupplyData(system, demo, new SupplyDataSet({ movements: [movement("A", "W", -25, "shipment", "s")] }))
        const shipped = yield* Effect.all(Array.from({ length: 3 }, ship), { concurrency: "unbounded" })
        assert.deepStrictEqual(shipped.map((o) => o._tag).sort(), ["SupplyDataLoaded", "SupplyDataLoaded", "ValidationFailed"])
        const ledger = yield* InventoryLedger
        const [valuation] = yield* ledger.valuations(demo, [Sku.make("A")])
        assert.deepStrictEqual((yield* ledger.onHand(demo, {})).map((l) => l.onHand), [10])
        assert.strictEqual(valuation?.quantity, 10)
        const entries = yield* ledger.valuationEntries(demo, Sku.make("A"), 100)
        assert.strictEqual(entries.reduce((t, e) => t + e.inventory, 0), valuation?.value)
        assert.strictEqual(entries.filter((e) => e.kind === "receipt").reduce((t, e) => t + e.inventory, 0), 6 * 10 * 100 + 10 * (0 + 1 + 2 + 3 + 4 + 5))
      }).pipe(Effect.provide(family.layer)), 60_000)
  })
}
