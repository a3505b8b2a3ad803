import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Option } from "effect"
import { ItemValuation, ValuationEntry } from "../../src/domain/supply/Ledger.js"
import { Transactions } from "../../src/orchestration/shared/Transactions.js"
import { InventoryLedger } from "../../src/orchestration/supply/InventoryLedger.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, day, eur, globex, item, movement, sku, wh } from "../support/SupplyFixtures.js"

const valuation = (code: string, quantity: number, value: number) => new ItemValuation({ sku: sku(code), currency: eur, quantity, value })
const entry = (code: string, quantity: number, inventory: number, reference: string) =>
  new ValuationEntry({ sku: sku(code), kind: "receipt", quantity, inventory, cogs: 0, currency: eur, reference, occurredOn: day("2025-03-01") })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`InventoryLedger contract: ${family.name}`, () => {
    it.live("adds and replaces items by SKU, per tenant, in SKU order", () =>
      Effect.gen(function*() {
        const ledger = yield* InventoryLedger
        yield* ledger.putItems(acme, [item("B"), item("A", { packSize: 6, returnable: false })])
        yield* ledger.putItems(acme, [item("B", { name: "Bolt", unitWeightGrams: 7 })])
        yield* ledger.putItems(globex, [item("Z")])
        const items = yield* ledger.items(acme)
        assert.deepStrictEqual(items.map((i) => [i.sku, i.name, i.packSize, i.returnable, i.unitWeightGrams]), [
          ["A", "Item A", 6, false, 100],
          ["B", "Bolt", 1, true, 7]
        ])
        assert.deepStrictEqual((yield* ledger.items(acme, [sku("B"), sku("Z")])).map((i) => i.sku), ["B"])
        assert.deepStrictEqual(yield* ledger.items(acme, []), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("sums movements into on-hand per item and warehouse, and lists them newest first", () =>
      Effect.gen(function*() {
        const ledger = yield* InventoryLedger
        yield* ledger.post(acme, {
          movements: [
            movement("A", "AMS", 10, "receipt", "receipt:R-1", 100),
            movement("A", "BER", 4, "adjustment", "opening", 90),
            movement("B", "AMS", 3, "receipt", "receipt:R-1", 50),
            movement("A", "AMS", -2, "shipment", "sales-order:S-1/1")
          ],
          entries: [],
          valuations: []
        })
        yield* ledger.post(globex, { movements: [movement("A", "AMS", 99, "adjustment", "opening", 1)], entries: [], valuations: [] })
        const levels = (yield* ledger.onHand(acme, {})).map((l) => [l.sku, l.warehouseId, l.onHand])
        assert.deepStrictEqual(levels, [["A", "AMS", 8], ["A", "BER", 4], ["B", "AMS", 3]])
        assert.deepStrictEqual((yield* ledger.onHand(acme, { skus: [sku("A")], warehouseId: wh("AMS") })).map((l) => l.onHand), [8])
        const moves = yield* ledger.movements(acme, { sku: sku("A"), limit: 2 })
        assert.deepStrictEqual(moves.map((m) => [m.movement.quantity, m.movement.kind, m.movement.unitCost]), [[-2, "shipment", undefined], [4, "adjustment", 90]])
        assert.isTrue((moves[0]?.sequence ?? 0) > (moves[1]?.sequence ?? 0))
        assert.deepStrictEqual((yield* ledger.movements(acme, { sku: sku("A"), warehouseId: wh("BER"), limit: 10 })).length, 1)
      }).pipe(Effect.provide(family.layer)))

    it.live("stores valuations and their journal; finds the last movement of a reference and the inbound after it", () =>
      Effect.gen(function*() {
        const ledger = yield* InventoryLedger
        yield* ledger.post(acme, { movements: [movement("A", "AMS", 10, "receipt", "receipt:R-1", 100)], entries: [entry("A", 10, 1000, "receipt:R-1")], valuations: [valuation("A", 10, 1000)] })
        yield* ledger.post(acme, {
          movements: [
            movement("A", "AMS", -3, "shipment", "sales-order:S-1/1"),
            movement("A", "BER", 5, "receipt", "receipt:R-2", 120),
            movement("A", "BER", -5, "transfer-out", "transfer:T-1"),
            movement("A", "AMS", 5, "transfer-in", "transfer:T-1"),
            movement("A", "AMS", 2, "customer-return", "rma:1"),
            movement("B", "AMS", 1, "adjustment", "count", 10)
          ],
          entries: [entry("A", 5, 600, "receipt:R-2")],
          valuations: [valuation("A", 14, 1300), valuation("B", 1, 10)]
        })
        assert.deepStrictEqual((yield* ledger.valuations(acme, [sku("A"), sku("B"), sku("C")], true)).map((v) => [v.sku, v.quantity, v.value]), [["A", 14, 1300], ["B", 1, 10]])
        assert.deepStrictEqual((yield* ledger.valuationEntries(acme, sku("A"), 10)).map((e) => e.reference), ["receipt:R-2", "receipt:R-1"])
        const first = yield* ledger.lastSequence(acme, "receipt:R-1")
        assert.isTrue(Option.isSome(first))
        assert.isTrue(Option.isNone(yield* ledger.lastSequence(acme, "receipt:nope")))
        assert.isTrue(Option.isNone(yield* ledger.lastSequence(globex, "receipt:R-1")))
        const after = yield* ledger.inboundAfter(acme, [sku("A"), sku("B")], Option.getOrElse(first, () => 0))
        assert.deepStrictEqual(after.map((a) => [a.sku, a.quantity]), [["A", 7], ["B", 1]])
      }).pipe(Effect.provide(family.layer)))

    it.live("rolls a posting back with the transaction around it", () =>
      Effect.gen(function*() {
        const ledger = yield* InventoryLedger
        const failed = yield* Effect.exit((yield* Transactions).withTransaction(
          ledger.post(acme, { movements: [movement("A", "AMS", 10, "receipt", "r", 1)], entries: [entry("A", 10, 10, "r")], valuations: [valuation("A", 10, 10)] })
            .pipe(Effect.zipRight(Effect.fail("later step failed")))
        ))
        assert.isTrue(Exit.isFailure(failed))
        assert.deepStrictEqual(yield* ledger.onHand(acme, {}), [])
        assert.deepStrictEqual(yield* ledger.valuations(acme, [sku("A")]), [])
        assert.deepStrictEqual(yield* ledger.valuationEntries(acme, sku("A"), 10), [])
      }).pipe(Effect.provide(family.layer)))
  })
}
