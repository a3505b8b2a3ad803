import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { SupplyDataSet } from "../../../src/domain/supply/DataSet.js"
import { PurchaseOrderId, ReceiptId, Sku, WarehouseId } from "../../../src/domain/supply/Ids.js"
import { DemandRecord } from "../../../src/domain/supply/Ledger.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { approveBalancing } from "../../../src/orchestration/supply/approveBalancing.js"
import { cancelTransfer } from "../../../src/orchestration/supply/cancelTransfer.js"
import { loadSupplyData } from "../../../src/orchestration/supply/loadSupplyData.js"
import { postReceipt } from "../../../src/orchestration/supply/postReceipt.js"
import { getStock, listPurchaseOrders } from "../../../src/orchestration/supply/readSupply.js"
import { receiveTransfer } from "../../../src/orchestration/supply/receiveTransfer.js"
import { shipTransfer } from "../../../src/orchestration/supply/shipTransfer.js"
import { pendingAudit, pendingNotifications } from "../../support/Intents.js"
import { addDays } from "../../../src/domain/supply/Calendar.js"
import { item, movement, poLine, purchaseOrder, receipt, receiptLine, terms, vendor, warehouse } from "../../support/SupplyFixtures.js"
import { demo, expectTag, system, today } from "./support.js"
import { TestClock } from "effect"

const fresh = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(Date.parse(`${today}T08:00:00Z`))
    return yield* effect
  }).pipe(Effect.provide(MemoryPorts.layer()))

const history = (code: string, wh: string, perDay: number) =>
  Array.from({ length: 60 }, (_, d) => new DemandRecord({ sku: Sku.make(code), warehouseId: WarehouseId.make(wh), day: addDays(today, d - 60), quantity: perDay }))

/** A at A1 holds 100 and sells 1 a day; A2 holds none and sells 10 a day: balancing moves stock A1 → A2. */
const network = new SupplyDataSet({
  items: [item("A", { transferLotSize: 5 })],
  warehouses: [warehouse("A1"), warehouse("A2")],
  vendors: [vendor("ACME")],
  terms: [terms("ACME", "A", 100)],
  demand: [...history("A", "A1", 1), ...history("A", "A2", 10)],
  movements: [movement("A", "A1", 100, "adjustment", "opening", 100)]
})

const stockAt = (wh: string) =>
  Effect.map(getStock(system, demo, { warehouseId: WarehouseId.make(wh) }), (r) => expectTag(r, "StockReport").stock.map((l) => [l.onHand, l.reservedForTransfers]))

describe("loading data", () => {
  it.effect("refuses broken references and stock going below zero, writing nothing", () =>
    fresh(Effect.gen(function*() {
      const broken = yield* loadSupplyData(system, demo, new SupplyDataSet({ terms: [terms("NOBODY", "A", 1)], movements: [movement("A", "A1", -1, "receipt", "x", 1)] }))
      assert.deepStrictEqual(expectTag(broken, "ValidationFailed").issues.map((i) => i.path), ["terms[0].sku", "terms[0].vendorId", "movements[0].sku", "movements[0].warehouseId"])
      const negative = yield* loadSupplyData(system, demo, new SupplyDataSet({ ...network, movements: [movement("A", "A1", -1, "shipment", "x")] }))
      assert.deepStrictEqual(expectTag(negative, "ValidationFailed").issues.map((i) => i.path), ["movements[0].quantity"])
      assert.deepStrictEqual(yield* stockAt("A1"), [])
      expectTag(yield* loadSupplyData(system, demo, network), "SupplyDataLoaded")
      assert.deepStrictEqual(yield* stockAt("A1"), [[100, 0]])
      assert.deepStrictEqual((yield* pendingAudit).filter((a) => a.action === "supply.load").map((a) => a.outcome), ["SupplyDataLoaded"])
    })))
})

describe("receipts", () => {
  it.effect("receive against a confirmed PO, refuse over-receipt, and post a receipt once", () =>
    fresh(Effect.gen(function*() {
      yield* loadSupplyData(system, demo, new SupplyDataSet({ ...network, purchaseOrders: [purchaseOrder("PO-1", "A1", [poLine(1, "A", 10, "2025-03-05")])] }))
      const over = yield* postReceipt(system, demo, receipt("R-1", "A1", [receiptLine(1, "A", 11, 100, { purchaseOrderLine: 1 })], { purchaseOrderId: PurchaseOrderId.make("PO-1") }))
      assert.deepStrictEqual(expectTag(over, "ValidationFailed").issues.map((i) => i.message), ["11 received but 10 open on line 1"])
      const input = receipt("R-1", "A1", [receiptLine(1, "A", 10, 100, { purchaseOrderLine: 1 })], { purchaseOrderId: PurchaseOrderId.make("PO-1") })
      const posted = expectTag(yield* postReceipt(system, demo, input), "ReceiptPosted")
      assert.deepStrictEqual(posted.valuations.map((v) => [v.quantity, v.value]), [[110, 11_000]])
      assert.deepStrictEqual(expectTag(yield* listPurchaseOrders(system, demo), "PurchaseOrderList").orders.map((o) => o.status), ["received"])
      assert.deepStrictEqual(expectTag(yield* postReceipt(system, demo, input), "AlreadyPosted").receiptId, ReceiptId.make("R-1"))
      assert.deepStrictEqual(yield* stockAt("A1"), [[110, 0]])
      const missing = yield* postReceipt(system, demo, receipt("R-2", "A1", [receiptLine(1, "A", 1, 1)], { purchaseOrderId: PurchaseOrderId.make("PO-9") }))
      assert.strictEqual(expectTag(missing, "NotFound").entity, "purchase order")
    })))
})

describe("transfer orders", () => {
  it.effect("a shipment the source can no longer cover is refused and its reservation released", () =>
    fresh(Effect.gen(function*() {
      yield* loadSupplyData(system, demo, network)
      const transfer = expectTag(yield* approveBalancing(system, demo), "TransfersReserved").transfers[0]
      if (transfer === undefined) throw new Error("no transfer")
      assert.deepStrictEqual([transfer.from, transfer.to, transfer.quantity % 5], ["A1", "A2", 0])
      assert.deepStrictEqual(yield* stockAt("A1"), [[100, transfer.quantity]])
      expectTag(yield* loadSupplyData(system, demo, new SupplyDataSet({ movements: [movement("A", "A1", -(101 - transfer.quantity), "adjustment", "count")] })), "SupplyDataLoaded")
      const refused = expectTag(yield* shipTransfer(system, demo, transfer.id), "ShipmentRefused")
      assert.deepStrictEqual([refused.transfer.status, refused.available], ["released", transfer.quantity - 1])
      assert.deepStrictEqual(yield* stockAt("A1"), [[transfer.quantity - 1, 0]])
      assert.strictEqual(expectTag(yield* receiveTransfer(system, demo, transfer.id), "InvalidTransferTransition").status, "released")
      const notices = (yield* pendingNotifications).filter((n) => n.kind === "supply.transfer.refused")
      assert.deepStrictEqual(notices.map((n) => [n.tenantId, n.data["available"]]), [[demo, transfer.quantity - 1]])
    })))

  it.effect("a reserved transfer can be cancelled (released, freeing its stock), a shipped one cannot", () =>
    fresh(Effect.gen(function*() {
      yield* loadSupplyData(system, demo, network)
      const first = expectTag(yield* approveBalancing(system, demo), "TransfersReserved").transfers[0]
      if (first === undefined) throw new Error("no transfer")
      const released = expectTag(yield* cancelTransfer(system, demo, first.id, "not needed"), "TransferReleased")
      assert.match(released.transfer.releaseReason ?? "", /^cancelled by system:test: not needed$/)
      assert.deepStrictEqual(yield* stockAt("A1"), [[100, 0]])
      const transfer = expectTag(yield* approveBalancing(system, demo), "TransfersReserved").transfers[0]
      if (transfer === undefined) throw new Error("no second transfer")
      expectTag(yield* shipTransfer(system, demo, transfer.id), "TransferShipped")
      assert.strictEqual(expectTag(yield* cancelTransfer(system, demo, transfer.id, "too late"), "InvalidTransferTransition").status, "shipped")
      expectTag(yield* receiveTransfer(system, demo, transfer.id), "TransferReceived")
      assert.deepStrictEqual([...(yield* stockAt("A1")), ...(yield* stockAt("A2"))], [[100 - transfer.quantity, 0], [transfer.quantity, 0]])
      const actions = (yield* pendingAudit).filter((a) => a.action.startsWith("supply.transfer")).map((a) => `${a.action}:${a.outcome}`)
      assert.deepStrictEqual(actions, ["supply.transfer.cancel:TransferReleased", "supply.transfer.ship:TransferShipped", "supply.transfer.receive:TransferReceived"])
    })))
})
