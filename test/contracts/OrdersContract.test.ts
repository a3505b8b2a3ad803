import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option } from "effect"
import { CheckoutKey } from "../../src/domain/commerce/Checkout.js"
import { OrderId } from "../../src/domain/commerce/Order.js"
import { ContractViolation } from "../../src/domain/shared/Defects.js"
import { Orders } from "../../src/orchestration/commerce/Orders.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, globex, minutes, openCheckout, order, request, t0 } from "../support/CommerceFixtures.js"

const key = CheckoutKey.make("key-1")

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Orders contract: ${family.name}`, () => {
    it.live("opens a checkout once per tenant and key, answering the first record to later openers", () =>
      Effect.gen(function*() {
        const orders = yield* Orders
        const first = openCheckout(acme, "key-1", request("alice", [["tea", 2]]), t0)
        assert.deepStrictEqual(yield* orders.openCheckout(first), first)
        const other = openCheckout(acme, "key-1", request("bob", [["cup", 1]]), minutes(1))
        assert.deepStrictEqual(yield* orders.openCheckout(other), first, "the earlier record, with its own request")
        assert.deepStrictEqual(yield* orders.findCheckout(acme, key), Option.some(first))
        assert.deepStrictEqual(yield* orders.findCheckout(globex, key), Option.none())
        const theirs = openCheckout(globex, "key-1", request("bob", [["cup", 1]]), minutes(1))
        assert.deepStrictEqual(yield* orders.openCheckout(theirs), theirs, "keys are per tenant")
      }).pipe(Effect.provide(family.layer)))

    it.live("moves a checkout on, but never out of manual intervention", () =>
      Effect.gen(function*() {
        const orders = yield* Orders
        yield* orders.openCheckout(openCheckout(acme, "key-1", request("alice", [["tea", 2]]), t0))
        yield* orders.markCheckout(acme, key, { status: "reserved", at: minutes(1) })
        const reserved = Option.getOrThrow(yield* orders.findCheckout(acme, key))
        assert.deepStrictEqual([reserved.status, reserved.note, reserved.updatedAt], ["reserved", undefined, minutes(1)])
        yield* orders.markCheckout(acme, key, { status: "manual-intervention", at: minutes(2), note: "refund failed: gateway down" })
        yield* orders.markCheckout(acme, key, { status: "compensated", at: minutes(3), note: "rolled back" })
        const stuck = Option.getOrThrow(yield* orders.findCheckout(acme, key))
        assert.deepStrictEqual([stuck.status, stuck.note, stuck.updatedAt], ["manual-intervention", "refund failed: gateway down", minutes(2)])
        const exit = yield* Effect.exit(orders.markCheckout(globex, key, { status: "placed", at: t0 }))
        assert.instanceOf(Exit.isFailure(exit) ? Option.getOrNull(Cause.dieOption(exit.cause)) : null, ContractViolation)
      }).pipe(Effect.provide(family.layer)))

    it.live("places at most one order per checkout key and finds it by id within its tenant", () =>
      Effect.gen(function*() {
        const orders = yield* Orders
        const placed = order(acme, "o-1", "key-1", t0)
        assert.deepStrictEqual(yield* orders.place(placed), placed)
        assert.deepStrictEqual(yield* orders.place(order(acme, "o-2", "key-1", minutes(1))), placed, "the earlier order")
        assert.deepStrictEqual(yield* orders.find(acme, OrderId.make("o-1")), Option.some(placed))
        assert.deepStrictEqual(yield* orders.find(acme, OrderId.make("o-2")), Option.none())
        assert.deepStrictEqual(yield* orders.find(globex, OrderId.make("o-1")), Option.none())
        const concurrent = yield* Effect.forEach(["a", "b", "c", "d", "e"], (id) => orders.place(order(acme, `o-${id}`, "key-2", t0)), {
          concurrency: "unbounded"
        })
        assert.strictEqual(new Set(concurrent.map((o) => o.id)).size, 1, "concurrent placements agree on one order")
      }).pipe(Effect.provide(family.layer)))
  })
}
