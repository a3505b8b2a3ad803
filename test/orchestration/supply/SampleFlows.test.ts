import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { AccountActor } from "../../../src/domain/shared/Actor.js"
import { AccountId, SessionId } from "../../../src/domain/shared/Ids.js"
import { CostDocumentId, ReceiptId, Sku, WarehouseId } from "../../../src/domain/supply/Ids.js"
import { CostDocument } from "../../../src/domain/supply/LandedCost.js"
import { CurrencyCode, Money } from "../../../src/domain/supply/Money.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { approveBalancing } from "../../../src/orchestration/supply/approveBalancing.js"
import { approveReplenishment } from "../../../src/orchestration/supply/approveReplenishment.js"
import { getAvailableToPromise, promiseOrder } from "../../../src/orchestration/supply/availableToPromise.js"
import { capitaliseLandedCosts } from "../../../src/orchestration/supply/capitaliseLandedCosts.js"
import { proposeBalancing } from "../../../src/orchestration/supply/proposeBalancing.js"
import { getStock } from "../../../src/orchestration/supply/readSupply.js"
import { receiveTransfer } from "../../../src/orchestration/supply/receiveTransfer.js"
import { shipTransfer } from "../../../src/orchestration/supply/shipTransfer.js"
import { suggestReplenishment } from "../../../src/orchestration/supply/suggestReplenishment.js"
import { pendingAudit } from "../../support/Intents.js"
import { demo, expectTag, system, today, withSample } from "./support.js"

const AMS = WarehouseId.make("AMS")
const eur = CurrencyCode.make("EUR")
const fresh = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(MemoryPorts.layer()))
const totalStock = (sku: string) =>
  Effect.map(getStock(system, demo, { sku: Sku.make(sku) }), (report) => expectTag(report, "StockReport").stock.reduce((t, l) => t + l.onHand, 0))

describe("supply orchestrators on the sample data", () => {
  it.effect("ATP: usable stock, the open PO line and the open sales orders, netted backwards; a promise is the earliest covered day", () =>
    fresh(Effect.gen(function*() {
      yield* withSample
      const profile = expectTag(yield* getAvailableToPromise(system, demo, { sku: Sku.make("HELMET-M"), warehouseId: AMS, horizonDays: 14 }), "AtpProfile")
      assert.strictEqual(profile.buckets.length, 14)
      assert.deepStrictEqual(profile.receipts.map((r) => [r.source, r.quantity, r.on]), [["purchase-order:PO-1001/4", 16, "2025-03-06"]])
      assert.deepStrictEqual(profile.demands.map((d) => [d.source, d.quantity]), [["sales-order:SO-2004/2", 12]])
      const last = profile.buckets.at(-1)?.cumulativeAtp ?? 0
      assert.strictEqual(last, profile.onHand + 16 - 12)
      const promised = yield* promiseOrder(system, demo, { sku: Sku.make("HELMET-M"), warehouseId: AMS, quantity: last, wantedOn: today })
      assert.strictEqual(expectTag(promised, "Promisable").date, profile.buckets.find((b) => b.cumulativeAtp >= last)?.date)
      const tooMany = yield* promiseOrder(system, demo, { sku: Sku.make("HELMET-M"), warehouseId: AMS, quantity: last + 1, wantedOn: today })
      assert.strictEqual(expectTag(tooMany, "CannotPromise").available, last)
      const unknown = yield* getAvailableToPromise(system, demo, { sku: Sku.make("NOPE"), warehouseId: AMS })
      assert.deepStrictEqual(expectTag(unknown, "NotFound").entity, "item")
    })))

  it.effect("replenishment: suggestions with their numbers, approved into draft POs per vendor; approving again finds nothing", () =>
    fresh(Effect.gen(function*() {
      yield* withSample
      const suggestions = expectTag(yield* suggestReplenishment(system, demo, AMS), "Suggestions")
      assert.isAbove(suggestions.suggestions.length, 0)
      for (const s of suggestions.suggestions) {
        const e = s.explanation
        assert.isAtMost(e.position.position, e.reorderPoint)
        assert.strictEqual(s.quantity % e.packSize, 0)
        assert.isAtLeast(s.quantity, e.minimumOrderQuantity)
        assert.isNotNull(e.forecast.holdout)
      }
      const drafted = expectTag(yield* approveReplenishment(system, demo, { warehouseId: AMS }), "PurchaseOrdersDrafted")
      assert.deepStrictEqual(drafted.orders.flatMap((o) => o.lines.map((l) => l.sku)).sort(), suggestions.suggestions.map((s) => s.sku).sort())
      assert.isTrue(drafted.orders.every((o) => o.status === "draft" && o.origin === "replenishment"))
      const audited = (yield* pendingAudit).filter((a) => a.action === "supply.replenishment.approve")
      assert.strictEqual(audited.length, drafted.orders.length)
      expectTag(yield* suggestReplenishment(system, demo, AMS), "NothingToSuggest")
    })))

  it.effect("approval refuses a quantity off the pack or under the minimum, and an item without a suggestion", () =>
    fresh(Effect.gen(function*() {
      yield* withSample
      const suggestions = expectTag(yield* suggestReplenishment(system, demo, AMS), "Suggestions")
      const packed = suggestions.suggestions.find((s) => s.explanation.packSize > 1)
      if (packed === undefined) throw new Error("no suggestion in packs")
      const refused = yield* approveReplenishment(system, demo, {
        warehouseId: AMS,
        lines: [{ sku: packed.sku, quantity: packed.quantity + 1 }, { sku: packed.sku, quantity: 1 }, { sku: Sku.make("SADDLE-XL") }]
      })
      assert.deepStrictEqual(expectTag(refused, "ValidationFailed").issues.map((i) => [i.path, i.message]), [
        ["lines[0].quantity", `not a multiple of the pack size ${packed.explanation.packSize}`],
        ["lines[1].sku", `${packed.sku} appears twice`],
        ["lines[2].sku", "no suggestion for SADDLE-XL"]
      ])
    })))

  it.effect("balancing: TIRE-700C moves from Berlin to Madrid; reserve → ship → receive conserves stock", () =>
    fresh(Effect.gen(function*() {
      yield* withSample
      const proposals = expectTag(yield* proposeBalancing(system, demo), "BalancingProposals")
      const tires = proposals.items.find((i) => i.sku === "TIRE-700C")
      assert.deepStrictEqual(tires?.proposals.map((p) => [p.from, p.to]), [["BER", "MAD"]])
      const before = yield* totalStock("TIRE-700C")
      const reserved = expectTag(yield* approveBalancing(system, demo, [Sku.make("TIRE-700C")]), "TransfersReserved")
      const transfer = reserved.transfers[0]
      if (transfer === undefined) throw new Error("no transfer")
      expectTag(yield* proposeBalancing(system, demo, [Sku.make("TIRE-700C")]), "NothingToBalance")
      const shipped = expectTag(yield* shipTransfer(system, demo, transfer.id), "TransferShipped")
      assert.strictEqual(shipped.transfer.status, "shipped")
      assert.strictEqual(yield* totalStock("TIRE-700C"), before - transfer.quantity)
      expectTag(yield* receiveTransfer(system, demo, transfer.id), "TransferReceived")
      assert.strictEqual(yield* totalStock("TIRE-700C"), before)
      assert.strictEqual(expectTag(yield* shipTransfer(system, demo, transfer.id), "InvalidTransferTransition").status, "received")
    })))

  it.effect("landed costs on R-1001: exact allocation, the cassettes already sold go to COGS, and never twice", () =>
    fresh(Effect.gen(function*() {
      yield* withSample
      const documents = [
        new CostDocument({ id: CostDocumentId.make("FRT-1"), kind: "freight", basis: "weight", amount: new Money({ amount: 12_000, currency: eur }) }),
        new CostDocument({ id: CostDocumentId.make("DUT-1"), kind: "duty", basis: "value", amount: new Money({ amount: 7_777, currency: eur }) })
      ]
      const receiptId = ReceiptId.make("R-1001")
      const posted = expectTag(yield* capitaliseLandedCosts(system, demo, receiptId, documents), "LandedCostsCapitalised")
      assert.strictEqual(posted.total.amount, 19_777)
      assert.strictEqual(posted.toInventory.amount + posted.toCogs.amount, 19_777)
      for (const d of posted.documents) assert.strictEqual(d.lines.reduce((t, l) => t + l.allocated, 0), d.amount.amount)
      const cassette = posted.lines.find((l) => l.sku === "CASSETTE-11")
      assert.isBelow(cassette?.remaining ?? 10, 10)
      assert.isAbove(cassette?.toCogs ?? 0, 0)
      const again = yield* capitaliseLandedCosts(system, demo, receiptId, [documents[1]!])
      assert.deepStrictEqual(expectTag(again, "AlreadyCapitalised").documentIds.map(String), ["DUT-1"])
      const wrong = yield* capitaliseLandedCosts(system, demo, receiptId, [new CostDocument({ ...documents[0]!, id: CostDocumentId.make("X"), amount: new Money({ amount: 5, currency: CurrencyCode.make("USD") }) })])
      assert.deepStrictEqual(expectTag(wrong, "InvalidCostDocument").issues.map((i) => i.path), ["documents[0].amount.currency"])
    })))

  it.effect("a caller without the ability is refused before anything is read or written", () =>
    fresh(Effect.gen(function*() {
      yield* withSample
      const stranger = new AccountActor({ accountId: AccountId.make("nobody"), sessionId: SessionId.make("s") })
      assert.strictEqual((yield* approveReplenishment(stranger, demo, { warehouseId: AMS }))._tag, "PermissionDenied")
      assert.strictEqual((yield* suggestReplenishment(stranger, demo, AMS))._tag, "PermissionDenied")
    })))
})
