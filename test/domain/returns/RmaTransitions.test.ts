import { assert, describe, it } from "@effect/vitest"
import { Either } from "effect"
import { RmaInspection, RmaReceipt, RmaState, SettledState } from "../../../src/domain/returns/Rma.js"
import { nextState, type RmaEventTag, type RmaTransitionEvent, transition } from "../../../src/domain/returns/RmaTransitions.js"
import { at, rma } from "../../support/returns/RmaFixtures.js"
import { day, wh } from "../../support/SupplyFixtures.js"

const events: ReadonlyArray<RmaEventTag> = ["Authorize", "Reject", "Receive", "Expire", "Inspect", "Settle", "Close"]
const now = at("2025-03-10T09:00:00Z")
const actor = "account:a"

/** One event of each kind; `Settle` as each settled state in turn. */
const eventsOf = (tag: RmaEventTag): ReadonlyArray<RmaTransitionEvent> => {
  switch (tag) {
    case "Authorize":
      return [{ _tag: tag, at: now, actor, receiveBy: at("2025-04-01T00:00:00Z") }]
    case "Reject":
      return [{ _tag: tag, at: now, actor, reasons: [] }]
    case "Receive":
      return [{ _tag: tag, at: now, actor, receipt: new RmaReceipt({ warehouseId: wh("W1"), receivedOn: day("2025-03-10") }) }]
    case "Inspect":
      return [{ _tag: tag, at: now, actor, inspection: new RmaInspection({ condition: "resellable", disposition: "restock", ruled: "restock", inspectedOn: day("2025-03-10") }) }]
    case "Settle":
      return SettledState.literals.map((state) => ({ _tag: tag, at: now, actor, state }))
    case "Expire":
    case "Close":
      return [{ _tag: tag, at: now, actor }]
  }
}

/**
 * The whole table, every state × every event: the state reached, `—` where the event does not
 * apply. `Settle` reaches the settled state it names (`settled`).
 */
const table: Record<RmaState, Record<RmaEventTag, string>> = {
  Requested: { Authorize: "Authorized", Reject: "Rejected", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "—" },
  Authorized: { Authorize: "—", Reject: "—", Receive: "Received", Expire: "Expired", Inspect: "—", Settle: "—", Close: "—" },
  Rejected: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "—" },
  Received: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "Inspected", Settle: "—", Close: "—" },
  Inspected: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "settled", Close: "—" },
  Refunded: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "Closed" },
  Replaced: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "Closed" },
  ReturnedToVendor: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "Closed" },
  Scrapped: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "Closed" },
  Expired: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "—" },
  Closed: { Authorize: "—", Reject: "—", Receive: "—", Expire: "—", Inspect: "—", Settle: "—", Close: "—" }
}

describe("the RMA state machine", () => {
  it("covers every state and every event in the table", () => {
    assert.sameMembers(Object.keys(table), [...RmaState.literals])
    for (const state of RmaState.literals) assert.sameMembers(Object.keys(table[state]), [...events], state)
  })

  for (const state of RmaState.literals) {
    for (const tag of events) {
      it(`${state} × ${tag} → ${table[state][tag]}`, () => {
        for (const event of eventsOf(tag)) {
          const expected = table[state][tag] === "settled" && event._tag === "Settle" ? event.state : table[state][tag]
          const from = rma("RMA-1", { state, version: 4 })
          const result = transition(from, event)
          assert.strictEqual(nextState(state, tag, event._tag === "Settle" ? event.state : undefined) ?? "—", expected)
          if (expected === "—") {
            assert.deepStrictEqual(Either.getLeft(result).pipe((o) => o._tag === "Some" ? [o.value.state, o.value.action] : []), [state, tag])
          } else {
            const to = Either.getOrThrow(result)
            assert.strictEqual(to.state, expected)
            assert.strictEqual(to.version, 5, "every transition bumps the version")
            assert.deepStrictEqual(to.history.at(-1)?.state, expected, "and appends to the history")
            assert.strictEqual(to.history.length, from.history.length + 1)
          }
        }
      })
    }
  }

  it("keeps what an event carries: the deadline, the reasons, the receipt, the inspection with its override", () => {
    const requested = rma("RMA-1", { state: "Requested", receiveBy: undefined })
    const authorized = Either.getOrThrow(transition(requested, eventsOf("Authorize")[0]!))
    assert.deepStrictEqual(authorized.receiveBy, at("2025-04-01T00:00:00Z"))
    const received = Either.getOrThrow(transition(authorized, eventsOf("Receive")[0]!))
    assert.strictEqual(received.receipt?.warehouseId, "W1")
    const overridden = new RmaInspection({ condition: "damaged", disposition: "restock", ruled: "scrap", overrideReason: "cosmetic only", inspectedOn: day("2025-03-10") })
    const inspected = Either.getOrThrow(transition(received, { _tag: "Inspect", at: now, actor, inspection: overridden }))
    assert.deepStrictEqual(inspected.inspection, overridden)
    assert.strictEqual(inspected.history.at(-1)?.note, "disposition restock instead of scrap: cosmetic only")
  })
})
