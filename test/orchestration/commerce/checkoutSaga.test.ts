import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber, Option, TestClock } from "effect"
import { CheckoutRejected, IdempotencyKeyReused, InsufficientStock, PaymentDeclined } from "../../../src/domain/commerce/CheckoutOutcomes.js"
import { CheckoutKey } from "../../../src/domain/commerce/Checkout.js"
import { OrderId } from "../../../src/domain/commerce/Order.js"
import { UnknownProduct } from "../../../src/domain/commerce/Violations.js"
import { checkout } from "../../../src/orchestration/commerce/checkout.js"
import { Orders } from "../../../src/orchestration/commerce/Orders.js"
import { Settings } from "../../../src/orchestration/settings/Settings.js"
import { acme, eur, request, sku } from "../../support/CommerceFixtures.js"
import { Faults } from "../../support/Faults.js"
import { pendingNotifications } from "../../support/Intents.js"
import { auditOutcomes, checkOut, layer, ledger, notificationKinds, settled, shop, statusOf, stock, system } from "./CheckoutHarness.js"

describe("the checkout saga (memory engine, TestClock)", () => {
  it.effect("places an order: stock committed, one charge of the exact total, a standard confirmation, recorded and audited", () =>
    Effect.gen(function*() {
      yield* shop
      const outcome = yield* checkOut("k1", request("alice", [["tea", 2], ["cup", 1]]))
      assert.strictEqual(outcome._tag, "OrderPlaced")
      if (outcome._tag !== "OrderPlaced") return
      assert.deepStrictEqual([outcome.total, outcome.confirmation], [eur(2100), "standard"])
      assert.deepStrictEqual(yield* stock, { tea: [3, 3], cup: [1, 1], gold: [1, 1] })
      const order = Option.getOrThrow(yield* (yield* Orders).find(acme, outcome.orderId))
      assert.deepStrictEqual(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.backordered]), [["tea", 2, 450, false], ["cup", 1, 1200, false]])
      const { charges } = yield* ledger
      assert.deepStrictEqual(charges.map((c) => c.result._tag === "Charged" ? [c.result.chargeId, c.result.amount] : c.result._tag), [[order.chargeId, eur(2100)]])
      assert.deepStrictEqual(Option.getOrNull(yield* statusOf("k1")), "placed")
      assert.deepStrictEqual(yield* auditOutcomes, ["OrderPlaced"])
      const [confirmation] = (yield* pendingNotifications).filter((n) => n.kind === "commerce.order.confirmation")
      assert.deepStrictEqual(confirmation?.data, { orderId: order.id, confirmation: "standard", total: { amount: 2100, currency: "EUR" }, lines: 2 })
      assert.deepStrictEqual(confirmation?.audience, { _tag: "CustomerAudience", customerId: "alice" } as never)
    }).pipe(Effect.provide(layer())))

  it.effect("confirms as premium above the tenant's threshold and for premium customers", () =>
    Effect.gen(function*() {
      yield* shop
      const big = yield* checkOut("big", request("alice", [["gold", 1]]))
      const small = yield* checkOut("small", request("pat", [["tea", 1]]))
      yield* (yield* Settings).put("commerce.confirmation.premiumAbove" as never, Option.some(acme), 400)
      const lowered = yield* checkOut("lowered", request("alice", [["tea", 1]]))
      assert.deepStrictEqual([big, small, lowered].map((o) => (o._tag === "OrderPlaced" ? o.confirmation : o._tag)), ["premium", "premium", "premium"])
    }).pipe(Effect.provide(layer())))

  it.effect("rejects with every violation, reserving and charging nothing; the line limit is the tenant's setting", () =>
    Effect.gen(function*() {
      yield* shop
      const rejected = yield* checkOut("r1", request("nobody", [["tea", 0], ["ghost", 1]]))
      assert.deepStrictEqual(rejected, new CheckoutRejected({ violations: [new UnknownProduct({ sku: sku("ghost") })] }))
      const unverified = yield* checkOut("r2", request("nobody", [["tea", 0]]))
      assert.deepStrictEqual(unverified._tag === "CheckoutRejected" ? unverified.violations.map((v) => v._tag) : [], ["CustomerNotVerified", "NonPositiveQuantity"])
      yield* (yield* Settings).put("commerce.checkout.maxLines" as never, Option.some(acme), 1)
      const tooMany = yield* checkOut("r3", request("alice", [["tea", 1], ["cup", 1]]))
      assert.deepStrictEqual(tooMany._tag === "CheckoutRejected" ? tooMany.violations.map((v) => v._tag) : [], ["TooManyLines"])
      assert.deepStrictEqual((yield* ledger).charges, [])
      assert.deepStrictEqual(yield* stock, { tea: [5, 5], cup: [2, 2], gold: [1, 1] })
      assert.deepStrictEqual(Option.getOrNull(yield* statusOf("r3")), "rejected")
      assert.deepStrictEqual(yield* auditOutcomes, ["CheckoutRejected", "CheckoutRejected", "CheckoutRejected"])
    }).pipe(Effect.provide(layer())))

  it.effect("refuses a standard customer what is short; lets a premium customer backorder it", () =>
    Effect.gen(function*() {
      yield* shop
      assert.deepStrictEqual(yield* checkOut("s1", request("alice", [["cup", 3]])), new InsufficientStock({ skus: [sku("cup")] }))
      assert.deepStrictEqual((yield* ledger).charges, [])
      const backordered = yield* checkOut("p1", request("pat", [["cup", 3], ["tea", 1]]))
      assert.strictEqual(backordered._tag, "OrderPlaced")
      const order = backordered._tag === "OrderPlaced" ? Option.getOrThrow(yield* (yield* Orders).find(acme, backordered.orderId)) : undefined
      assert.deepStrictEqual(order?.lines.map((l) => [l.sku, l.backordered]), [["cup", true], ["tea", false]])
      assert.deepStrictEqual(yield* stock, { tea: [4, 4], cup: [-1, -1], gold: [1, 1] })
    }).pipe(Effect.provide(layer())))

  it.effect("a standard customer's decline is final: one charge, the reservation released", () =>
    Effect.gen(function*() {
      yield* shop
      const outcome = yield* checkOut("d1", request("alice", [["tea", 2]], "pm_card_chargeDeclinedInsufficientFunds"))
      assert.deepStrictEqual(outcome, new PaymentDeclined({ reason: "insufficient_funds" }))
      assert.strictEqual((yield* ledger).charges.length, 1)
      assert.deepStrictEqual(yield* stock, { tea: [5, 5], cup: [2, 2], gold: [1, 1] })
      assert.deepStrictEqual(Option.getOrNull(yield* statusOf("d1")), "declined")
      assert.deepStrictEqual(yield* auditOutcomes, ["PaymentDeclined"])
    }).pipe(Effect.provide(layer())))

  it.effect("a premium customer's decline is retried once, as a new charge under a new key", () =>
    Effect.gen(function*() {
      yield* shop
      const declined = yield* checkOut("p1", request("pat", [["tea", 1]], "pm_card_chargeDeclined"))
      assert.deepStrictEqual(declined, new PaymentDeclined({ reason: "card_declined" }))
      const keys = (yield* ledger).charges.map((c) => c.key)
      assert.strictEqual(keys.length, 2, "one retry, not more")
      assert.notStrictEqual(keys[0], keys[1])
      const faults = yield* Faults
      yield* faults.declineNext("insufficient_funds")
      const placed = yield* checkOut("p2", request("pat", [["tea", 1]]))
      assert.strictEqual(placed._tag, "OrderPlaced", "the retry went through")
      assert.strictEqual(yield* faults.calls("PaymentGateway.charge"), 4)
    }).pipe(Effect.provide(layer())))

  it.effect("never retries a premium customer's decline for fraud", () =>
    Effect.gen(function*() {
      yield* shop
      const outcome = yield* checkOut("f1", request("pat", [["tea", 1]], "pm_card_chargeDeclinedFraudulent"))
      assert.deepStrictEqual(outcome, new PaymentDeclined({ reason: "fraud" }))
      assert.strictEqual((yield* ledger).charges.length, 1)
      assert.deepStrictEqual(yield* stock, { tea: [5, 5], cup: [2, 2], gold: [1, 1] })
    }).pipe(Effect.provide(layer())))

  it.effect("retries transient gateway failures under the same key, so a lost answer never charges twice", () =>
    Effect.gen(function*() {
      yield* shop
      const faults = yield* Faults
      yield* faults.inject("PaymentGateway.charge", { times: 2, after: true })
      const outcome = yield* checkOut("t1", request("alice", [["tea", 1]]))
      assert.strictEqual(outcome._tag, "OrderPlaced")
      assert.strictEqual(yield* faults.calls("PaymentGateway.charge"), 3)
      assert.strictEqual(new Set((yield* ledger).charges.map((c) => c.key)).size, 1, "one charge, answered three times")
    }).pipe(Effect.provide(layer())))

  it.effect("answers the same outcome to the same key without charging again, and refuses the key for another request", () =>
    Effect.gen(function*() {
      yield* shop
      const first = yield* checkOut("same", request("alice", [["tea", 1]]))
      const again = yield* checkOut("same", request("alice", [["tea", 1]]))
      assert.deepStrictEqual(again, first)
      assert.strictEqual((yield* ledger).charges.length, 1)
      assert.deepStrictEqual(yield* checkOut("same", request("alice", [["tea", 2]])), new IdempotencyKeyReused({ key: CheckoutKey.make("same") }))
      assert.deepStrictEqual(yield* stock, { tea: [4, 4], cup: [2, 2], gold: [1, 1] })
    }).pipe(Effect.provide(layer())))

  it.effect("compensates an order store down past its retries: refund, release, record, alert; the saga fails", () =>
    Effect.gen(function*() {
      yield* shop
      yield* (yield* Faults).inject("Orders.place", { times: "always" })
      const exit = yield* Effect.exit(checkOut("down", request("alice", [["tea", 2]])))
      assert.isTrue(Exit.isFailure(exit))
      const { charges, refunds } = yield* ledger
      assert.deepStrictEqual(refunds.map((r) => [r.chargeKey, r.result._tag]), [[charges[0]?.key, "Refunded"]])
      assert.deepStrictEqual(yield* stock, { tea: [5, 5], cup: [2, 2], gold: [1, 1] })
      assert.deepStrictEqual(Option.getOrNull(yield* statusOf("down")), "compensated")
      assert.deepStrictEqual(yield* auditOutcomes, ["CheckoutFailed"])
      assert.include(yield* notificationKinds, "commerce.checkout.compensated")
      assert.deepStrictEqual(yield* (yield* Orders).find(acme, OrderId.make("id-000001")), Option.none())
    }).pipe(Effect.provide(layer())))

  it.effect("flags the checkout for manual intervention when the refund fails too, audited and alerted", () =>
    Effect.gen(function*() {
      yield* shop
      const faults = yield* Faults
      yield* faults.inject("Orders.place", { times: "always" })
      yield* faults.inject("PaymentGateway.refund", { times: "always" })
      const exit = yield* Effect.exit(checkOut("stuck", request("alice", [["tea", 2]])))
      assert.isTrue(Exit.isFailure(exit))
      assert.deepStrictEqual((yield* ledger).refunds, [])
      const record = Option.getOrThrow(yield* (yield* Orders).findCheckout(acme, CheckoutKey.make("stuck")))
      assert.strictEqual(record.status, "manual-intervention")
      assert.include(record.note ?? "", "refund of charge")
      assert.deepStrictEqual(yield* auditOutcomes, ["ManualInterventionRequired", "CheckoutFailed"])
      assert.includeMembers([...yield* notificationKinds], ["commerce.checkout.manualIntervention", "commerce.checkout.compensated"])
      assert.deepStrictEqual(yield* stock, { tea: [5, 5], cup: [2, 2], gold: [1, 1] }, "the stock is released all the same")
    }).pipe(Effect.provide(layer())))

  it.effect("refunds and reports the stock short when the reservation lapsed before the order and others took the units", () =>
    Effect.gen(function*() {
      yield* shop
      yield* (yield* Settings).put("commerce.reservation.minutes" as never, Option.some(acme), 1)
      const faults = yield* Faults
      yield* faults.inject("PaymentGateway.charge", { times: 1, delay: "2 minutes" })
      const slow = yield* Effect.fork(checkout(system, acme, CheckoutKey.make("slow"), request("alice", [["cup", 2]])))
      for (let i = 0; i < 1000 && Option.getOrNull(yield* statusOf("slow")) !== "reserved"; i++) yield* Effect.yieldNow()
      yield* TestClock.adjust("90 seconds")
      const fast = yield* checkOut("fast", request("alice", [["cup", 2]]))
      assert.strictEqual(fast._tag, "OrderPlaced", "the expired reservation no longer held the cups")
      yield* TestClock.adjust("3 minutes")
      assert.deepStrictEqual(yield* settled(Fiber.join(slow)), new InsufficientStock({ skus: [sku("cup")] }))
      const { charges, refunds } = yield* ledger
      assert.deepStrictEqual(refunds.map((r) => r.result._tag), ["Refunded"])
      assert.strictEqual(charges.length, 2)
      assert.deepStrictEqual(yield* stock, { tea: [5, 5], cup: [0, 0], gold: [1, 1] })
    }).pipe(Effect.provide(layer())))
})
