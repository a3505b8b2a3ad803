import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { alreadyReturned, authorise, type ReturnContext, receiveBy } from "../../../src/domain/returns/Authorisation.js"
import type { RmaState } from "../../../src/domain/returns/Rma.js"
import { RmaState as States } from "../../../src/domain/returns/Rma.js"
import { addDays, daysBetween } from "../../../src/domain/supply/Calendar.js"
import { Shipment } from "../../../src/domain/supply/Documents.js"
import { day, item, salesOrder, soLine } from "../../support/SupplyFixtures.js"

const delivered = day("2025-03-03")

/** A sales order whose line 1 (10 × A) shipped in the given parts, delivered on `delivered` (the last part). */
const arbitraryContext = fc.record({
  shipped: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  earlier: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 6 }), state: fc.constantFrom(...States.literals) }), { maxLength: 4 }),
  returnable: fc.constantFrom(true, false, undefined),
  daysAfter: fc.integer({ min: 0, max: 60 }),
  windowDays: fc.integer({ min: 0, max: 45 })
}).map(({ daysAfter, earlier, returnable, shipped, windowDays }): ReturnContext => ({
  order: salesOrder("S-1", [soLine(1, "A", 20, "2025-03-01", "W1")], {
    shipments: shipped.map((quantity, i) => new Shipment({ lineNo: 1, quantity, shippedOn: addDays(delivered, i - shipped.length + 1) }))
  }),
  item: returnable === undefined ? undefined : item("A", { returnable }),
  earlier: earlier.map((e) => ({ lineNo: 1, quantity: e.quantity, state: e.state as RmaState })),
  today: addDays(delivered, daysAfter),
  windowDays
}))

const arbitraryRequest = fc.record({
  lineNo: fc.constantFrom(1, 1, 1, 2),
  quantity: fc.integer({ min: 1, max: 12 }),
  reason: fc.constantFrom("wrong size", "broken on arrival", "", "   ")
})

const shippedOf = (context: ReturnContext) => context.order.shipments.reduce((t, s) => t + s.quantity, 0)

/** The rules, one by one, as the issue states them. */
const failing = (request: typeof arbitraryRequest extends fc.Arbitrary<infer A> ? A : never, context: ReturnContext) => {
  const rules = new Set<string>()
  if (request.lineNo !== 1) rules.add("unknown-line")
  else {
    if (context.order.shipments.length === 0 || daysBetween(delivered, context.today) > context.windowDays) rules.add("outside-window")
    if (context.item?.returnable !== true) rules.add("not-returnable")
    if (request.quantity > shippedOf(context) - alreadyReturned(context.earlier, 1)) rules.add("quantity")
  }
  if (request.reason.trim() === "") rules.add("reason-required")
  return rules
}

describe("the authorisation rules of a return", () => {
  it("authorise exactly when every rule holds, and list every rule that failed", () => {
    fc.assert(fc.property(arbitraryRequest, arbitraryContext, (request, context) => {
      const decided = authorise(request, context)
      const expected = failing(request, context)
      if (expected.size === 0) return Either.isRight(decided)
      return Either.isLeft(decided) && new Set(decided.left.map((r) => r.rule)).size === expected.size &&
        decided.left.every((r) => expected.has(r.rule))
    }), { numRuns: 2000 })
  })

  it("never authorise more than shipped − already returned: successive returns of a line sum to at most what shipped", () => {
    fc.assert(fc.property(arbitraryContext, fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), (context, quantities) => {
      const held: Array<{ lineNo: number; quantity: number; state: RmaState }> = []
      for (const quantity of quantities) {
        const decided = authorise({ lineNo: 1, quantity, reason: "faulty" }, { ...context, earlier: held })
        held.push({ lineNo: 1, quantity, state: Either.isRight(decided) ? "Authorized" : "Rejected" })
      }
      return alreadyReturned(held, 1) <= shippedOf(context)
    }))
  })

  it("an over-quantity request is rejected for its quantity, whatever else holds", () => {
    fc.assert(fc.property(arbitraryContext, fc.integer({ min: 1, max: 10 }), (context, excess) => {
      const quantity = Math.max(0, shippedOf(context) - alreadyReturned(context.earlier, 1)) + excess
      const decided = authorise({ lineNo: 1, quantity, reason: "faulty" }, context)
      return Either.isLeft(decided) && decided.left.some((r) => r.rule === "quantity")
    }))
  })

  it("are monotonic: fewer units or a longer window never turn an authorisation into a rejection", () => {
    const authorisable = fc.tuple(arbitraryContext, fc.integer({ min: 1, max: 12 })).map(([context, quantity]) => {
      const fit: ReturnContext = {
        ...context,
        order: context.order.shipments.length > 0 ? context.order : salesOrder("S-1", context.order.lines, { shipments: [new Shipment({ lineNo: 1, quantity: 5, shippedOn: delivered })] }),
        item: item("A"),
        earlier: context.earlier.filter((e) => e.state === "Rejected" || e.state === "Expired"),
        windowDays: Math.max(context.windowDays, daysBetween(delivered, context.today))
      }
      return { context: fit, request: { lineNo: 1, quantity: Math.min(quantity, shippedOf(fit)), reason: "faulty" } }
    })
    fc.assert(fc.property(authorisable, fc.integer({ min: 0, max: 30 }), ({ context, request }, more) => {
      assert.isTrue(Either.isRight(authorise(request, context)), "the base case is authorised")
      return Either.isRight(authorise({ ...request, quantity: Math.max(1, request.quantity - 1) }, context)) &&
        Either.isRight(authorise(request, { ...context, windowDays: context.windowDays + more }))
    }))
  })

  it("reject a missing reason, an unreturnable item and a closed window with a sentence each", () => {
    const context: ReturnContext = {
      order: salesOrder("S-1", [soLine(1, "A", 3, "2025-03-01", "W1")], { shipments: [new Shipment({ lineNo: 1, quantity: 3, shippedOn: day("2025-03-01"), deliveredOn: delivered })] }),
      item: item("A", { returnable: false }),
      earlier: [{ lineNo: 1, quantity: 2, state: "Closed" }, { lineNo: 1, quantity: 1, state: "Expired" }],
      today: day("2025-04-10"),
      windowDays: 30
    }
    const decided = authorise({ lineNo: 1, quantity: 2, reason: " " }, context)
    assert.deepStrictEqual(Either.getLeft(decided).pipe((o) => (o._tag === "Some" ? o.value.map((r) => [r.rule, r.message]) : [])), [
      ["outside-window", "delivered on 2025-03-03: the 30-day return window closed on 2025-04-02"],
      ["not-returnable", "item A is not returnable"],
      ["quantity", "2 requested, 1 returnable (3 shipped, 2 already returned)"],
      ["reason-required", "a reason is required"]
    ])
  })

  it("the goods must arrive before midnight (UTC) after the window's last day", () => {
    assert.strictEqual(receiveBy(delivered, 30).toJSON(), "2025-04-03T00:00:00.000Z")
    assert.strictEqual(receiveBy(delivered, 0).toJSON(), "2025-03-04T00:00:00.000Z")
  })
})
