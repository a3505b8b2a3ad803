import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { Deadlines, type Dropship, DropshipShipment, DropshipState, isClosed, shippedOf } from "../../../src/domain/fulfilment/Dropship.js"
import {
  CancellationRequested,
  DeadlinePassed,
  type DropshipEvent,
  Invoiced,
  PurchaseOrderPlaced,
  ShipmentConfirmed,
  VendorRejection
} from "../../../src/domain/fulfilment/DropshipEvents.js"
import { transition } from "../../../src/domain/fulfilment/DropshipTransitions.js"
import { ReceivableId } from "../../../src/domain/supply/Ids.js"
import { at, dropship } from "../../support/DropshipFixtures.js"
import { day } from "../../support/SupplyFixtures.js"

const now = at("2025-03-02T09:00:00Z")
const shipment = (quantity: number, n = quantity) => new DropshipShipment({ quantity, carrier: "DHL", trackingNumber: `JD-${n}`, shippedOn: day("2025-03-02") })
const deadlines = new Deadlines({ overdueAt: at("2025-03-04T10:00:00Z"), atRiskAt: at("2025-03-06T10:00:00Z") })

/** A line of 5 in each state: 2 shipped when partially shipped, all 5 once shipped. */
const inState = (state: DropshipState): Dropship =>
  dropship("acme", "S-1", 1, {
    state,
    ...(state === "Placing" ? {} : { deadlines }),
    shipments: state === "PartiallyShipped" ? [shipment(2)] : state === "Shipped" || state === "Fulfilled" ? [shipment(5)] : [],
    ...(state === "Fulfilled" ? { invoiceId: ReceivableId.make("INV-1") } : {}),
    version: 3
  })

const events: Record<string, DropshipEvent> = {
  placed: new PurchaseOrderPlaced({ deadlines }),
  ship2: new ShipmentConfirmed({ shipment: shipment(2, 20) }),
  ship3: new ShipmentConfirmed({ shipment: shipment(3, 30) }),
  ship6: new ShipmentConfirmed({ shipment: shipment(6, 60) }),
  reject: new VendorRejection({ reason: "no stock" }),
  overdue: new DeadlinePassed({ level: "overdue" }),
  atRisk: new DeadlinePassed({ level: "atRisk" }),
  cancel: new CancellationRequested({ reason: "changed mind" }),
  invoice: new Invoiced({ invoiceId: ReceivableId.make("INV-9") })
}

/**
 * Every state × every event: the next state (with the escalation for deadlines) or the refusal.
 * `×` is `InvalidDropshipTransition`.
 */
const table: Record<DropshipState, Record<keyof typeof events, string>> = {
  Placing: { placed: "AwaitingVendor", ship2: "×", ship3: "×", ship6: "×", reject: "×", overdue: "×", atRisk: "×", cancel: "Cancelled", invoice: "×" },
  AwaitingVendor: {
    placed: "×",
    ship2: "PartiallyShipped",
    ship3: "PartiallyShipped",
    ship6: "OverShipment",
    reject: "VendorRejected",
    overdue: "AwaitingVendor/overdue",
    atRisk: "AwaitingVendor/atRisk",
    cancel: "Cancelled",
    invoice: "×"
  },
  PartiallyShipped: {
    placed: "×",
    ship2: "PartiallyShipped",
    ship3: "Shipped",
    ship6: "OverShipment",
    reject: "AlreadyShipped",
    overdue: "PartiallyShipped/overdue",
    atRisk: "PartiallyShipped/atRisk",
    cancel: "AlreadyShipped",
    invoice: "×"
  },
  Shipped: { placed: "×", ship2: "×", ship3: "×", ship6: "×", reject: "×", overdue: "×", atRisk: "×", cancel: "AlreadyShipped", invoice: "Fulfilled" },
  Fulfilled: { placed: "×", ship2: "×", ship3: "×", ship6: "×", reject: "×", overdue: "×", atRisk: "×", cancel: "AlreadyShipped", invoice: "×" },
  Cancelled: { placed: "×", ship2: "×", ship3: "×", ship6: "×", reject: "×", overdue: "×", atRisk: "×", cancel: "×", invoice: "×" },
  VendorRejected: { placed: "×", ship2: "×", ship3: "×", ship6: "×", reject: "×", overdue: "×", atRisk: "×", cancel: "×", invoice: "×" }
}

const describeResult = (result: Either.Either<Dropship, { readonly _tag: string }>) =>
  Either.match(result, {
    onLeft: (refusal) => (refusal._tag === "InvalidDropshipTransition" ? "×" : refusal._tag),
    onRight: (next) => (next.escalation === "none" ? next.state : `${next.state}/${next.escalation}`)
  })

describe("the dropship state machine", () => {
  it("the table covers every state and every event", () => {
    assert.sameMembers(Object.keys(table), [...DropshipState.literals])
    for (const row of Object.values(table)) assert.sameMembers(Object.keys(row), Object.keys(events))
  })

  for (const state of DropshipState.literals) {
    it(`from ${state}`, () => {
      const before = inState(state)
      const actual = Object.fromEntries(Object.entries(events).map(([name, event]) => [name, describeResult(transition(before, event, now))]))
      assert.deepStrictEqual(actual, table[state])
    })
  }

  it("an accepted event advances the version, stamps the time and appends to the history; outside events count as signals", () => {
    const before = inState("AwaitingVendor")
    const shipped = Either.getOrThrow(transition(before, events["ship2"]!, now))
    assert.deepStrictEqual([shipped.version, shipped.updatedAt, shipped.signals, shipped.history.at(-1)?.event], [4, now, 1, "ShipmentConfirmed"])
    assert.deepStrictEqual(shipped.shipments.map((s) => s.quantity), [2])
    const escalated = Either.getOrThrow(transition(before, events["overdue"]!, now))
    assert.strictEqual(escalated.signals, 0, "a deadline is not an outside event")
    assert.isTrue(Either.isLeft(transition(escalated, events["overdue"]!, now)), "each level once")
    assert.isTrue(Either.isRight(transition(escalated, events["atRisk"]!, now)))
  })

  it("property: whatever the events, never more shipped than ordered, closed states absorb, signals count the accepted outside events", () => {
    const anyEvent = fc.constantFrom(...Object.values(events), new ShipmentConfirmed({ shipment: shipment(1, 10) }))
    fc.assert(fc.property(fc.array(anyEvent, { maxLength: 30 }), (sequence) => {
      let current = inState("Placing")
      let outside = 0
      for (const event of sequence) {
        const result = transition(current, event, now)
        if (isClosed(current.state)) assert.isTrue(Either.isLeft(result), `${current.state} is final`)
        if (Either.isLeft(result)) continue
        if (event._tag === "ShipmentConfirmed" || event._tag === "VendorRejection" || event._tag === "CancellationRequested") outside++
        current = result.right
        assert.isAtMost(shippedOf(current), current.line.quantity)
        assert.strictEqual(current.signals, outside)
        assert.strictEqual(current.state === "Shipped" || current.state === "Fulfilled", shippedOf(current) === current.line.quantity)
      }
    }))
  })
})
