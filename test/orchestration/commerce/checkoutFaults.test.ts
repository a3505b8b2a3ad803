import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Exit, Option } from "effect"
import { CheckoutKey } from "../../../src/domain/commerce/Checkout.js"
import { Inventory } from "../../../src/orchestration/commerce/Inventory.js"
import { Orders } from "../../../src/orchestration/commerce/Orders.js"
import { acme, request, sku } from "../../support/CommerceFixtures.js"
import { type Fault, type FaultPoint, Faults } from "../../support/Faults.js"
import { checkOut, layer, ledger, shop } from "./CheckoutHarness.js"

const points: ReadonlyArray<FaultPoint> = [
  "Customers.find",
  "Inventory.levels",
  "Inventory.reserve",
  "Inventory.reserveBackorder",
  "Inventory.commit",
  "Inventory.release",
  "Orders.markCheckout",
  "Orders.place",
  "PaymentGateway.charge",
  "PaymentGateway.refund"
]
const modes: ReadonlyArray<Fault> = [{ times: 1 }, { times: "always" }, { times: 1, after: true }, { times: "always", after: true }]
const scenarios: ReadonlyArray<{ readonly name: string; readonly faults: ReadonlyArray<readonly [FaultPoint, Fault]> }> = [
  ...points.flatMap((point) => modes.map((fault) => ({ name: `${point} ${JSON.stringify(fault)}`, faults: [[point, fault] as const] }))),
  { name: "order store and refunds down", faults: [["Orders.place", { times: "always" }], ["PaymentGateway.refund", { times: "always" }]] },
  { name: "order store down, refunds lost", faults: [["Orders.place", { times: "always" }], ["PaymentGateway.refund", { times: 2, after: true }]] },
  { name: "order store down, stock release down", faults: [["Orders.place", { times: "always" }], ["Inventory.release", { times: "always" }]] }
]
const buyers = [
  { customer: "alice", lines: [["tea", 2], ["cup", 1]] as const, method: "pm_card_visa" },
  { customer: "pat", lines: [["cup", 3]] as const, method: "pm_card_visa" },
  { customer: "alice", lines: [["tea", 1]] as const, method: "pm_card_chargeDeclined" }
]

/**
 * After a checkout with a fault injected at any step, whatever its outcome: every charge taken is
 * paid for by an order, or refunded, or its checkout awaits manual intervention; no stock stays
 * held (when releasing is possible at all); stock on hand left only with an order; at most one order.
 */
const balanced = (key: string, releasable: boolean, chargedBefore: number) =>
  Effect.gen(function*() {
    const orders = yield* Orders
    const record = Option.getOrThrow(yield* orders.findCheckout(acme, CheckoutKey.make(key)))
    const { charges, refunds } = yield* ledger
    const placed = record.status === "placed" ? Option.getOrThrow(yield* orders.find(acme, (record.note ?? "") as never)) : undefined
    for (const charge of charges.slice(chargedBefore)) {
      if (charge.result._tag !== "Charged") continue
      const paidFor = placed?.chargeId === charge.result.chargeId
      const refunded = refunds.some((r) => r.chargeKey === charge.key && r.result._tag === "Refunded")
      assert.isTrue(paidFor !== refunded || (!paidFor && record.status === "manual-intervention"), `charge ${charge.key}: order ${paidFor}, refund ${refunded}, ${record.status}`)
    }
    const now = yield* DateTime.now
    const at = releasable ? now : DateTime.add(now, { minutes: 16 })
    const levels = yield* (yield* Inventory).levels(acme, [sku("tea"), sku("cup")], at)
    const sold = (s: string) => placed?.lines.filter((l) => l.sku === s).reduce((n, l) => n + l.quantity, 0) ?? 0
    assert.deepStrictEqual(levels.map((l) => [l.sku, l.onHand, l.available]), [["cup", 2 - sold("cup"), 2 - sold("cup")], ["tea", 5 - sold("tea"), 5 - sold("tea")]])
    return record.status
  })

describe("fault injection at every step of the checkout saga", () => {
  for (const scenario of scenarios) {
    it.effect(`balances stock and payments: ${scenario.name}`, () =>
      Effect.gen(function*() {
        yield* shop
        const faults = yield* Faults
        const statuses: Array<string> = []
        for (const [i, buyer] of buyers.entries()) {
          yield* faults.clear
          for (const [point, fault] of scenario.faults) yield* faults.inject(point, fault)
          const key = `k${i}`
          const chargedBefore = (yield* ledger).charges.length
          const exit = yield* Effect.exit(checkOut(key, request(buyer.customer, buyer.lines, buyer.method)))
          yield* faults.clear
          const releasable = !scenario.faults.some(([point, fault]) => point === "Inventory.release" && fault.times === "always")
          const status = yield* balanced(key, releasable, chargedBefore)
          statuses.push(`${Exit.isSuccess(exit) ? exit.value._tag : "failed"}:${status}`)
          yield* rollBackSold
        }
        assert.isTrue(statuses.every((s) => /^(OrderPlaced:placed|PaymentDeclined:declined|failed:(compensated|manual-intervention|open|reserved))$/.test(s)), statuses.join(" "))
      }).pipe(Effect.provide(layer())))
  }
})

/** Puts the stock back as `shop` made it, so that each buyer starts from the same shelves. */
const rollBackSold = Effect.gen(function*() {
  const inventory = yield* Inventory
  const now = yield* DateTime.now
  for (const level of yield* inventory.levels(acme, [sku("tea"), sku("cup")], now)) {
    yield* inventory.put(acme, { ...level, onHand: level.sku === "tea" ? 5 : 2 } as never)
  }
})
