import { assert, describe, it } from "@effect/vitest"
import { Effect, type Layer, Option, Redacted } from "effect"
import { Cancelled, RejectionNotice, ShipmentConfirmation } from "../../../src/domain/fulfilment/DropshipOutcomes.js"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { cancelDropship } from "../../../src/orchestration/fulfilment/cancelDropship.js"
import { confirmDropship } from "../../../src/orchestration/fulfilment/confirmDropship.js"
import { DropshipWorkflow } from "../../../src/orchestration/fulfilment/DropshipWorkflow.js"
import { getDropship } from "../../../src/orchestration/fulfilment/readDropships.js"
import { startDropship } from "../../../src/orchestration/fulfilment/startDropship.js"
import { Procurement } from "../../../src/orchestration/supply/Procurement.js"
import { Receivables } from "../../../src/orchestration/supply/Receivables.js"
import { Sales } from "../../../src/orchestration/supply/Sales.js"
import { acme, day } from "../../support/SupplyFixtures.js"
import { arrange, awaitDropship, inMemory, notices, onSqlite, operator, ref, type Services, tokenOf } from "./DropshipHarness.js"

const ship = (quantity: number, trackingNumber: string) =>
  new ShipmentConfirmation({ carrier: "DHL", trackingNumber, quantity, shippedOn: day("2025-03-05") })

const start = (salesOrderId = "S-1", lineNo = 1) => startDropship(operator, acme, SalesOrderId.make(salesOrderId), lineNo)

const placed = (line = ref()) => awaitDropship(line, (d) => d.state === "AwaitingVendor")

const purchaseOrderStatus = (id: string) =>
  Effect.map(Effect.flatMap(Procurement, (p) => p.purchaseOrder(acme, id as never)), Option.map((po) => po.status))

const families: ReadonlyArray<{ readonly name: string; readonly layer: () => Layer.Layer<Services> }> = [
  { name: "durable engine over SQLite", layer: () => onSqlite() },
  { name: "in-memory engine over memory ports", layer: () => inMemory() }
]

for (const family of families) {
  describe(`dropship workflow: ${family.name}`, () => {
    const scenario = (name: string, body: () => Effect.Effect<void, unknown, Services>) =>
      it.live(name, () => Effect.suspend(body).pipe(Effect.provide(family.layer())), 60_000)

    scenario("happy path with partial shipments: PO to the vendor, two confirmations, shipments on the order, one invoice, Fulfilled", () =>
      Effect.gen(function*() {
        yield* arrange()
        const started = yield* start()
        assert.strictEqual(started._tag, "DropshipStarted")
        const waiting = yield* placed()
        assert.isDefined(waiting.deadlines)
        const po = Option.getOrThrow(yield* (yield* Procurement).purchaseOrder(acme, waiting.purchaseOrderId))
        assert.deepStrictEqual([po.status, po.origin, po.destination._tag, po.vendorId, po.lines[0].quantity, po.lines[0].unitPrice], ["confirmed", "dropship", "ToCustomer", "VEL", 5, 150])
        const first = yield* tokenOf()
        const partial = yield* confirmDropship(first, ship(2, "JD-1"))
        assert.strictEqual(partial._tag, "ShipmentRecorded")
        const next = partial._tag === "ShipmentRecorded" && partial.nextToken !== undefined ? Redacted.value(partial.nextToken) : assert.fail("a token for the rest")
        assert.deepStrictEqual([partial._tag === "ShipmentRecorded" && partial.shipped, partial._tag === "ShipmentRecorded" && partial.remaining], [2, 3])
        assert.strictEqual(yield* tokenOf("supply.dropship.remaining"), next, "the new token is sent to the vendor too")
        assert.strictEqual((yield* confirmDropship(first, ship(2, "JD-1")))._tag, "UnknownCallbackToken", "a used token is refused")
        yield* awaitDropship(ref(), (d) => d.shipments.length === 1)
        assert.strictEqual((yield* confirmDropship(next, ship(3, "JD-2")))._tag, "ShipmentRecorded")
        const outcome = yield* DropshipWorkflow.execute(ref())
        assert.strictEqual(outcome._tag, "Fulfilled")
        const closed = yield* awaitDropship(ref(), (d) => d.state === "Fulfilled")
        assert.strictEqual(outcome._tag === "Fulfilled" && outcome.invoiceId, closed.invoiceId)
        assert.deepStrictEqual(outcome._tag === "Fulfilled" && outcome.shipments.map((s) => [s.quantity, s.trackingNumber]), [[2, "JD-1"], [3, "JD-2"]])
        const order = Option.getOrThrow(yield* (yield* Sales).salesOrder(acme, SalesOrderId.make("S-1")))
        assert.deepStrictEqual(order.shipments.map((s) => [s.lineNo, s.quantity, s.carrier, s.trackingNumber]), [[1, 2, "DHL", "JD-1"], [1, 3, "DHL", "JD-2"]])
        const invoices = yield* (yield* Receivables).forSalesOrder(acme, SalesOrderId.make("S-1"))
        assert.deepStrictEqual(invoices.map((i) => [i.kind, i.key, i.total.amount, i.id]), [["invoice", "dropship:S-1/1:invoice", 1250, closed.invoiceId]])
        assert.deepStrictEqual(closed.history.map((h) => h.event), ["Started", "PurchaseOrderPlaced", "ShipmentConfirmed", "ShipmentConfirmed", "Invoiced"])
        assert.strictEqual((yield* confirmDropship(next, ship(1, "JD-3")))._tag, "UnknownCallbackToken", "closed: no live token")
        assert.strictEqual((yield* notices("supply.dropship.purchaseOrder")).length, 1)
      }))

    scenario("starting is idempotent per line: 20 concurrent starts, one record, one purchase order, one notice", () =>
      Effect.gen(function*() {
        yield* arrange()
        const outcomes = yield* Effect.all(Array.from({ length: 20 }, () => start()), { concurrency: "unbounded" })
        assert.deepStrictEqual(outcomes.map((o) => o._tag), Array.from({ length: 20 }, () => "DropshipStarted"))
        assert.strictEqual(outcomes.filter((o) => o._tag === "DropshipStarted" && o.created).length, 1)
        yield* placed()
        assert.strictEqual((yield* start())._tag, "DropshipStarted")
        assert.strictEqual((yield* notices("supply.dropship.purchaseOrder")).length, 1)
        assert.strictEqual((yield* (yield* Procurement).purchaseOrders(acme, {})).length, 1)
      }))

    scenario("lines that cannot be dropshipped are refused, nothing stored", () =>
      Effect.gen(function*() {
        yield* arrange()
        const reason = (o: Effect.Effect.Success<ReturnType<typeof start>>) => (o._tag === "NotDropshippable" ? o.reason : o._tag)
        assert.match(reason(yield* start("S-1", 2)), /not a dropship line/)
        assert.match(reason(yield* start("S-2", 1)), /does not dropship/)
        assert.strictEqual((yield* start("S-1", 9))._tag, "NotFound")
        assert.strictEqual((yield* start("S-404", 1))._tag, "NotFound")
        assert.strictEqual((yield* getDropship(operator, acme, SalesOrderId.make("S-1"), 2))._tag, "NotFound")
      }))

    scenario("an over-shipment is refused and changes nothing; the token stays usable", () =>
      Effect.gen(function*() {
        yield* arrange()
        yield* start()
        const before = yield* placed()
        const token = yield* tokenOf()
        const refused = yield* confirmDropship(token, ship(6, "JD-9"))
        assert.deepStrictEqual(refused._tag === "OverShipment" && [refused.remaining, refused.confirmed], [5, 6])
        assert.deepStrictEqual(yield* awaitDropship(ref(), () => true), before)
        assert.strictEqual((yield* confirmDropship(token, ship(5, "JD-9")))._tag, "ShipmentRecorded")
        assert.strictEqual((yield* DropshipWorkflow.execute(ref()))._tag, "Fulfilled")
      }))

    scenario("cancelled before shipment: PO cancelled, vendor told, tokens revoked, the workflow ends Cancelled", () =>
      Effect.gen(function*() {
        yield* arrange()
        yield* start()
        const waiting = yield* placed()
        const token = yield* tokenOf()
        const cancelled = yield* cancelDropship(operator, acme, SalesOrderId.make("S-1"), 1, "customer changed their mind")
        assert.deepStrictEqual(cancelled, new Cancelled({ reason: "customer changed their mind" }))
        assert.deepStrictEqual(yield* DropshipWorkflow.execute(ref()), new Cancelled({ reason: "customer changed their mind" }))
        assert.deepStrictEqual(yield* purchaseOrderStatus(waiting.purchaseOrderId), Option.some("cancelled"))
        assert.strictEqual((yield* notices("supply.dropship.cancelled")).length, 1)
        assert.strictEqual((yield* confirmDropship(token, ship(1, "JD-1")))._tag, "UnknownCallbackToken")
        assert.strictEqual((yield* cancelDropship(operator, acme, SalesOrderId.make("S-1"), 1, "again"))._tag, "InvalidDropshipTransition")
      }))

    scenario("cancelled after a shipment: refused AlreadyShipped, nothing changed", () =>
      Effect.gen(function*() {
        yield* arrange()
        yield* start()
        yield* placed()
        yield* confirmDropship(yield* tokenOf(), ship(1, "JD-1"))
        const shipped = yield* awaitDropship(ref(), (d) => d.shipments.length === 1)
        const refused = yield* cancelDropship(operator, acme, SalesOrderId.make("S-1"), 1, "too late")
        assert.deepStrictEqual(refused._tag === "AlreadyShipped" && refused.shipped, 1)
        assert.deepStrictEqual((yield* awaitDropship(ref(), () => true)).version, shipped.version)
        assert.deepStrictEqual(yield* purchaseOrderStatus(shipped.purchaseOrderId), Option.some("confirmed"))
      }))

    scenario("the vendor rejects: PO cancelled, operations told, the workflow ends VendorRejected", () =>
      Effect.gen(function*() {
        yield* arrange()
        yield* start()
        const waiting = yield* placed()
        const recorded = yield* confirmDropship(yield* tokenOf(), new RejectionNotice({ rejected: { reason: "out of stock until June" } }))
        assert.strictEqual(recorded._tag, "RejectionRecorded")
        const outcome = yield* DropshipWorkflow.execute(ref())
        assert.deepStrictEqual([outcome._tag, outcome._tag === "VendorRejected" && outcome.reason], ["VendorRejected", "out of stock until June"])
        assert.deepStrictEqual(yield* purchaseOrderStatus(waiting.purchaseOrderId), Option.some("cancelled"))
        assert.strictEqual((yield* notices("supply.dropship.rejected")).length, 1)
      }))
  })
}
