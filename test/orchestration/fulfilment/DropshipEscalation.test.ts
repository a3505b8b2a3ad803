import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Effect } from "effect"
import { ShipmentConfirmation } from "../../../src/domain/fulfilment/DropshipOutcomes.js"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { confirmDropship } from "../../../src/orchestration/fulfilment/confirmDropship.js"
import { DropshipWorkflow } from "../../../src/orchestration/fulfilment/DropshipWorkflow.js"
import { startDropship } from "../../../src/orchestration/fulfilment/startDropship.js"
import { acme, day } from "../../support/SupplyFixtures.js"
import { arrange, awaitDropship, notices, onSqlite, operator, ref, tokenOf } from "./DropshipHarness.js"

/** Lead-time days of 400 ms: a vendor promising 2 days is overdue 800 ms after the order, at risk 700 ms later. */
const policy = { day: Duration.millis(400), atRiskAfter: Duration.millis(700) }

const entryAt = (history: ReadonlyArray<{ readonly event: string; readonly note?: string | undefined; readonly at: DateTime.Utc }>, note: string) =>
  history.find((h) => h.event === "DeadlinePassed" && h.note === note)?.at

describe("dropship escalation on the durable engine over SQLite", () => {
  it.live("each deadline fires once, at its time: operations told when overdue, the customer when at risk; the wait goes on", () =>
    Effect.gen(function*() {
      yield* arrange(2)
      yield* startDropship(operator, acme, SalesOrderId.make("S-1"), 1)
      const placed = yield* awaitDropship(ref(), (d) => d.state === "AwaitingVendor")
      const deadlines = placed.deadlines!
      const placedAt = placed.history.find((h) => h.event === "PurchaseOrderPlaced")!.at
      assert.strictEqual(DateTime.distance(placedAt, deadlines.overdueAt), 800, "the promised lead time after the order")
      assert.strictEqual(DateTime.distance(deadlines.overdueAt, deadlines.atRiskAt), 700)
      const atRisk = yield* awaitDropship(ref(), (d) => d.escalation === "atRisk")
      const overdueAt = entryAt(atRisk.history, "overdue")!
      const atRiskAt = entryAt(atRisk.history, "atRisk")!
      assert.isAtLeast(DateTime.distance(deadlines.overdueAt, overdueAt), 0, "not before its deadline")
      assert.isBelow(DateTime.distance(deadlines.overdueAt, overdueAt), 600, "soon after its deadline")
      assert.isAtLeast(DateTime.distance(deadlines.atRiskAt, atRiskAt), 0)
      assert.isBelow(DateTime.distance(deadlines.atRiskAt, atRiskAt), 600)
      yield* Effect.sleep("700 millis")
      assert.strictEqual((yield* notices("supply.dropship.overdue")).length, 1, "operations told once")
      const customer = yield* notices("supply.dropship.atRisk")
      assert.strictEqual(customer.length, 1, "the customer told once")
      assert.deepStrictEqual(customer[0]?.audience, { _tag: "CustomerAudience", customerId: "C-1" } as never)
      const confirmed = yield* confirmDropship(yield* tokenOf(), new ShipmentConfirmation({ carrier: "UPS", trackingNumber: "1Z", quantity: 5, shippedOn: day("2025-03-09") }))
      assert.strictEqual(confirmed._tag, "ShipmentRecorded")
      assert.strictEqual((yield* DropshipWorkflow.execute(ref()))._tag, "Fulfilled")
      const closed = yield* awaitDropship(ref(), (d) => d.state === "Fulfilled")
      assert.deepStrictEqual(closed.history.map((h) => h.note ?? h.event), ["Started", "PurchaseOrderPlaced", "overdue", "atRisk", "5 by UPS 1Z", closed.invoiceId])
    }).pipe(Effect.provide(onSqlite(policy))), 60_000)

  it.live("a confirmation before the deadline: no escalation ever fires", () =>
    Effect.gen(function*() {
      yield* arrange(1)
      yield* startDropship(operator, acme, SalesOrderId.make("S-1"), 1)
      yield* awaitDropship(ref(), (d) => d.state === "AwaitingVendor")
      yield* confirmDropship(yield* tokenOf(), new ShipmentConfirmation({ carrier: "UPS", trackingNumber: "1Z", quantity: 5 }))
      assert.strictEqual((yield* DropshipWorkflow.execute(ref()))._tag, "Fulfilled")
      yield* Effect.sleep("1500 millis")
      assert.strictEqual((yield* notices("supply.dropship.overdue")).length, 0)
      assert.strictEqual((yield* awaitDropship(ref(), () => true)).escalation, "none")
    }).pipe(Effect.provide(onSqlite(policy))), 60_000)
})
