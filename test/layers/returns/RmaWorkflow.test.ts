import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, type Layer, Schedule } from "effect"
import { RmaId, Rma, RmaEvent } from "../../../src/domain/returns/Rma.js"
import { CustomerId, SalesOrderId, Sku } from "../../../src/domain/supply/Ids.js"
import { Dropships } from "../../../src/orchestration/fulfilment/Dropships.js"
import { getRma } from "../../../src/orchestration/returns/readReturns.js"
import { reconcileRmas } from "../../../src/orchestration/returns/reconcileRmas.js"
import { recordInspection } from "../../../src/orchestration/returns/recordInspection.js"
import { recordReceipt } from "../../../src/orchestration/returns/recordReceipt.js"
import { requestReturn } from "../../../src/orchestration/returns/requestReturn.js"
import { Rmas } from "../../../src/orchestration/returns/Rmas.js"
import { RmaWorkflow, runOf } from "../../../src/orchestration/returns/RmaWorkflow.js"
import { InventoryLedger } from "../../../src/orchestration/supply/InventoryLedger.js"
import { Receivables } from "../../../src/orchestration/supply/Receivables.js"
import { Sales } from "../../../src/orchestration/supply/Sales.js"
import { expectTag } from "../../orchestration/supply/support.js"
import { arrange, concluded, engineAt, storedRma, system, tenant } from "../../support/returns/ReturnsEngine.js"
import { eur, wh } from "../../support/SupplyFixtures.js"

const tempFile = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-rma-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
).pipe(Effect.map((dir) => join(dir, "baton.db")))

const S1 = SalesOrderId.make("S-1")

/** Requests a return, records the goods at W1 and the inspection, and waits for the workflow's outcome. */
const fullReturn = (request: { readonly lineNo: number; readonly quantity: number; readonly resolution: "refund" | "replace" }, condition: "resellable" | "damaged" | "defective") =>
  Effect.gen(function*() {
    const authorized = expectTag(yield* requestReturn(system, tenant, { salesOrderId: S1, reason: "not as described", ...request }), "RmaAuthorized")
    expectTag(yield* recordReceipt(system, tenant, authorized.rma.id, wh("W1")), "ReceiptRecorded")
    expectTag(yield* recordInspection(system, tenant, authorized.rma.id, { condition }), "InspectionRecorded")
    const outcome = yield* concluded(authorized.rma)
    const rma = yield* storedRma(authorized.rma.id)
    const credits = (yield* (yield* Receivables).forSalesOrder(tenant, S1)).filter((d) => d.kind === "credit-note")
    const ledger = yield* InventoryLedger
    const movements = (yield* ledger.movements(tenant, { sku: rma.sku, limit: 10 })).map((m) => `${m.movement.kind} ${m.movement.quantity} ${m.movement.reference}`)
    return { outcome, rma, credits, movements, states: rma.history.map((h) => h.state) }
  })

const onEngine = <A, E>(effect: Effect.Effect<A, E, Layer.Layer.Success<ReturnType<typeof engineAt>>>) =>
  Effect.gen(function*() {
    const file = yield* tempFile
    return yield* Effect.zipRight(arrange, effect).pipe(Effect.provide(engineAt(file)))
  })

describe("the RMA workflow on the durable engine over SQLite", () => {
  it.scopedLive("refund: resellable goods are restocked and the customer credited exactly once, then the RMA closes", () =>
    onEngine(Effect.gen(function*() {
      const { credits, movements, outcome, rma, states } = yield* fullReturn({ lineNo: 1, quantity: 2, resolution: "refund" }, "resellable")
      assert.deepStrictEqual([outcome._tag, outcome.state], ["RmaConcluded", "Closed"])
      assert.deepStrictEqual(states, ["Authorized", "Received", "Inspected", "Refunded", "Closed"])
      assert.deepStrictEqual(credits.map((c) => [c.key, c.total.amount, c.total.currency, c.lines[0].quantity]), [[`rma:${rma.id}:refund`, 3998, eur, 2]])
      assert.deepStrictEqual(rma.refund?.amount.amount, 3998)
      assert.deepStrictEqual(movements, [`customer-return 2 rma:${rma.id}`])
      const onHand = yield* (yield* InventoryLedger).onHand(tenant, { skus: [Sku.make("A")] })
      assert.deepStrictEqual(onHand.map((l) => [l.warehouseId, l.onHand]), [["W1", 2]])
      const view = expectTag(yield* getRma(system, tenant, rma.id), "RmaView")
      assert.deepStrictEqual([view.amounts.refund.amount, view.amounts.credited.amount], [3998, 3998])
    })), 60_000)

  it.scopedLive("replacement: a new sales-order line, flagged dropship when the item ships from a dropshipping vendor; no credit note", () =>
    onEngine(Effect.gen(function*() {
      const { credits, outcome, rma, states } = yield* fullReturn({ lineNo: 2, quantity: 1, resolution: "replace" }, "resellable")
      assert.strictEqual(outcome.state, "Closed")
      assert.deepStrictEqual(states, ["Authorized", "Received", "Inspected", "Replaced", "Closed"])
      assert.deepStrictEqual(credits, [])
      const order = yield* (yield* Sales).salesOrder(tenant, S1)
      const line = order._tag === "Some" ? order.value.lines.find((l) => l.lineNo === rma.replacement?.lineNo) : undefined
      assert.deepStrictEqual([line?.lineNo, line?.sku, line?.quantity, line?.unitPrice, line?.dropship, line?.vendorId], [4, "D", 1, 0, true, "DS"])
      assert.deepStrictEqual([rma.replacement?.dropship, rma.replacement?.vendorId], [true, "DS"])
      // the vendor ships the replacement: its dropship fulfilment runs, waiting for the vendor
      const dropships = yield* Dropships
      const dropship = yield* dropships.find(tenant, S1, 4).pipe(
        Effect.filterOrFail((found) => found._tag === "Some" && found.value.state === "AwaitingVendor"),
        Effect.retry(Schedule.spaced("50 millis")),
        Effect.timeout("10 seconds")
      )
      assert.deepStrictEqual(
        dropship._tag === "Some" ? [dropship.value.line.sku, dropship.value.line.quantity, dropship.value.state] : [],
        ["D", 1, "AwaitingVendor"]
      )
    })), 60_000)

  it.scopedLive("return to vendor: defective goods under warranty go back to the vendor; the customer is credited", () =>
    onEngine(Effect.gen(function*() {
      const { credits, movements, rma, states } = yield* fullReturn({ lineNo: 1, quantity: 1, resolution: "refund" }, "defective")
      assert.deepStrictEqual(states, ["Authorized", "Received", "Inspected", "ReturnedToVendor", "Closed"])
      assert.deepStrictEqual([rma.inspection?.disposition, rma.inspection?.ruled], ["return-to-vendor", "return-to-vendor"])
      assert.deepStrictEqual(credits.map((c) => c.total.amount), [1999])
      assert.deepStrictEqual(movements, [`vendor-return -1 rma:${rma.id}`, `customer-return 1 rma:${rma.id}`])
    })), 60_000)

  it.scopedLive("scrap: damaged goods are scrapped", () =>
    onEngine(Effect.gen(function*() {
      const { movements, rma, states } = yield* fullReturn({ lineNo: 1, quantity: 3, resolution: "refund" }, "damaged")
      assert.deepStrictEqual(states, ["Authorized", "Received", "Inspected", "Scrapped", "Closed"])
      assert.deepStrictEqual(movements, [`scrap -3 rma:${rma.id}`, `customer-return 3 rma:${rma.id}`])
      const onHand = yield* (yield* InventoryLedger).onHand(tenant, { skus: [Sku.make("A")] })
      assert.deepStrictEqual(onHand.map((l) => l.onHand), [0])
    })), 60_000)

  it.scopedLive("over-quantity, unreturnable or reasonless requests are Rejected with every reason, stored, and start no workflow", () =>
    onEngine(Effect.gen(function*() {
      expectTag(yield* requestReturn(system, tenant, { salesOrderId: S1, lineNo: 1, quantity: 2, reason: "too big", resolution: "refund" }), "RmaAuthorized")
      const over = expectTag(yield* requestReturn(system, tenant, { salesOrderId: S1, lineNo: 1, quantity: 2, reason: "too big", resolution: "refund" }), "Rejected")
      assert.deepStrictEqual(over.reasons.map((r) => [r.rule, r.message]), [["quantity", "2 requested, 1 returnable (3 shipped, 2 already returned)"]])
      const many = expectTag(yield* requestReturn(system, tenant, { salesOrderId: S1, lineNo: 3, quantity: 4, reason: " ", resolution: "refund" }), "Rejected")
      assert.deepStrictEqual(many.reasons.map((r) => r.rule), ["not-returnable", "quantity", "reason-required"])
      const stored = yield* storedRma(over.rmaId)
      assert.deepStrictEqual([stored.state, stored.rejection.length], ["Rejected", 1])
      assert.isUndefined(yield* RmaWorkflow.poll(yield* RmaWorkflow.executionId(runOf(tenant, stored))))
      assert.deepStrictEqual((yield* requestReturn(system, tenant, { salesOrderId: SalesOrderId.make("S-404"), lineNo: 1, quantity: 1, reason: "x", resolution: "refund" }))._tag, "NotFound")
    })), 60_000)

  it.scopedLive("an authorised RMA whose workflow never started (a crash after its commit) is started by its receipt and completes", () =>
    onEngine(Effect.gen(function*() {
      const requestedAt = yield* DateTime.now
      const orphan = new Rma({
        id: RmaId.make("RMA-orphan"), salesOrderId: S1, lineNo: 1, sku: Sku.make("A"), quantity: 1, reason: "late", resolution: "refund",
        customerId: CustomerId.make("C-1"), currency: eur, unitPrice: 1999, state: "Authorized", rejection: [], receiveBy: DateTime.unsafeMake(Date.now() + 86_400_000),
        stockPosted: false, requestedAt, version: 1, history: [new RmaEvent({ state: "Authorized", at: requestedAt, actor: "system:test" })]
      })
      assert.isTrue(yield* (yield* Rmas).insert(tenant, orphan))
      assert.isUndefined(yield* RmaWorkflow.poll(yield* RmaWorkflow.executionId(runOf(tenant, orphan))), "no workflow yet")
      expectTag(yield* recordReceipt(system, tenant, orphan.id, wh("W1")), "ReceiptRecorded")
      expectTag(yield* recordInspection(system, tenant, orphan.id, { condition: "resellable" }), "InspectionRecorded")
      assert.deepStrictEqual((yield* concluded(orphan)).state, "Closed")
      assert.deepStrictEqual((yield* storedRma(orphan.id)).history.map((h) => h.state), ["Authorized", "Received", "Inspected", "Refunded", "Closed"])
    })), 60_000)

  it.scopedLive("expiry: nothing arrives before the window ends, the durable timer fires across an engine restart and the RMA expires", () =>
    Effect.gen(function*() {
      const file = yield* tempFile
      const deadline = DateTime.unsafeMake(Date.now() + 2_500)
      const requestedAt = yield* DateTime.now
      const rma = new Rma({
        id: RmaId.make("RMA-expiring"), salesOrderId: S1, lineNo: 1, sku: Sku.make("A"), quantity: 1, reason: "late", resolution: "refund",
        customerId: CustomerId.make("C-1"), currency: eur, unitPrice: 1999, state: "Authorized", rejection: [], receiveBy: deadline, stockPosted: false,
        requestedAt, version: 1, history: [new RmaEvent({ state: "Authorized", at: requestedAt, actor: "system:test" })]
      })
      yield* Effect.gen(function*() {
        yield* arrange
        assert.isTrue(yield* (yield* Rmas).insert(tenant, rma))
        yield* RmaWorkflow.execute(runOf(tenant, rma), { discard: true })
        yield* Effect.sleep("300 millis")
        const timers = yield* (yield* SqlClient.SqlClient)<{ deliver_at: number }>`SELECT deliver_at FROM cluster_messages WHERE entity_type = ${"Workflow/-/DurableClock"} AND NOT processed`
        assert.strictEqual(timers.length, 1, "the window's timer is stored, not held in memory")
      }).pipe(Effect.provide(engineAt(file)))
      const outcome = yield* Effect.gen(function*() {
        const concludedAs = yield* concluded(rma)
        const expired = yield* storedRma(rma.id)
        const late = yield* recordReceipt(system, tenant, rma.id, wh("W1"))
        return { concludedAs, expired, late }
      }).pipe(Effect.provide(engineAt(file)))
      assert.deepStrictEqual([outcome.concludedAs._tag, outcome.concludedAs.state], ["RmaConcluded", "Expired"])
      assert.deepStrictEqual(outcome.expired.history.map((h) => h.state), ["Authorized", "Expired"])
      assert.isAtLeast(DateTime.toEpochMillis(outcome.expired.history[1]!.at), DateTime.toEpochMillis(deadline), "not before the deadline")
      const late = expectTag(outcome.late, "InvalidRmaTransition")
      assert.deepStrictEqual([late.state, late.action], ["Expired", "Receive"])
    }), 60_000)

  it.scopedLive("reconciler: an authorised RMA left without a workflow (a crash after its commit) is started at start-up, and expires when nothing came", () =>
    onEngine(Effect.gen(function*() {
      const requestedAt = yield* DateTime.now
      const orphan = new Rma({
        id: RmaId.make("RMA-orphan"), salesOrderId: S1, lineNo: 1, sku: Sku.make("A"), quantity: 1, reason: "late", resolution: "refund",
        customerId: CustomerId.make("C-1"), currency: eur, unitPrice: 1999, state: "Authorized", rejection: [],
        receiveBy: DateTime.unsafeMake(Date.now() - 1_000), stockPosted: false,
        requestedAt, version: 1, history: [new RmaEvent({ state: "Authorized", at: requestedAt, actor: "system:test" })]
      })
      assert.isTrue(yield* (yield* Rmas).insert(tenant, orphan))
      assert.strictEqual(yield* reconcileRmas(100), 1)
      assert.deepStrictEqual((yield* concluded(orphan)).state, "Expired")
      assert.deepStrictEqual((yield* storedRma(orphan.id)).history.map((h) => h.state), ["Authorized", "Expired"])
      assert.strictEqual(yield* reconcileRmas(100), 0, "nothing waits any more")
    })), 60_000)
})
