import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Option } from "effect"
import { Dropship, DropshipShipment, purchaseOrderIdOf } from "../../../src/domain/fulfilment/Dropship.js"
import { ShipmentConfirmed } from "../../../src/domain/fulfilment/DropshipEvents.js"
import { transition } from "../../../src/domain/fulfilment/DropshipTransitions.js"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { Dropships } from "../../../src/orchestration/fulfilment/Dropships.js"
import { reconcileDropships } from "../../../src/orchestration/fulfilment/reconcileDropships.js"
import { startDropship } from "../../../src/orchestration/fulfilment/startDropship.js"
import { acme, day } from "../../support/SupplyFixtures.js"
import { arrange, awaitDropship, onSqlite, operator, ref } from "./DropshipHarness.js"

describe("reconciling dropships after a crash (durable engine over SQLite)", () => {
  it.live("a confirmation committed without its signal (the process died in between) leaves the workflow asleep; the reconciler wakes it", () =>
    Effect.gen(function*() {
      yield* arrange()
      yield* startDropship(operator, acme, SalesOrderId.make("S-1"), 1)
      const waiting = yield* awaitDropship(ref(), (d) => d.state === "AwaitingVendor")
      const store = yield* Dropships
      const confirmed = transition(waiting, new ShipmentConfirmed({ shipment: new DropshipShipment({ quantity: 5, carrier: "DHL", trackingNumber: "JD1", shippedOn: day("2025-03-05") }) }), waiting.updatedAt)
      assert.isTrue(yield* store.update(Either.getOrThrow(confirmed), waiting.version), "committed, as the callback does, but never signalled")
      yield* Effect.sleep("1 second")
      assert.strictEqual((yield* awaitDropship(ref(), () => true)).state, "Shipped", "asleep: nothing woke the workflow")
      assert.deepStrictEqual((yield* store.unsettled(10)).map((d) => d.salesOrderId), ["S-1"])
      assert.strictEqual(yield* reconcileDropships(100), 1)
      const closed = yield* awaitDropship(ref(), (d) => d.state === "Fulfilled")
      assert.isDefined(closed.invoiceId)
      assert.deepStrictEqual(yield* store.unsettled(10), [])
      assert.strictEqual(yield* reconcileDropships(100), 0)
    }).pipe(Effect.provide(onSqlite())), 60_000)

  it.live("a record stored without its workflow (the process died in between): the reconciler starts it", () =>
    Effect.gen(function*() {
      yield* arrange()
      yield* startDropship(operator, acme, SalesOrderId.make("S-1"), 1)
      yield* awaitDropship(ref(), (d) => d.state === "AwaitingVendor")
      const store = yield* Dropships
      const orphan = Option.getOrThrow(yield* store.find(acme, SalesOrderId.make("S-1"), 1))
      const s9 = SalesOrderId.make("S-9")
      assert.isTrue(yield* store.create(new Dropship({ ...orphan, salesOrderId: s9, purchaseOrderId: Option.getOrThrow(purchaseOrderIdOf(s9, 1)), state: "Placing", version: 0 })))
      assert.strictEqual(yield* reconcileDropships(100), 2)
      yield* awaitDropship(ref("S-9"), (d) => d.state === "AwaitingVendor")
    }).pipe(Effect.provide(onSqlite())), 60_000)
})
