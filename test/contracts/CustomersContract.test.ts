import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { CustomerId } from "../../src/domain/commerce/Customer.js"
import { Customers } from "../../src/orchestration/commerce/Customers.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, customer, globex } from "../support/CommerceFixtures.js"

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Customers contract: ${family.name}`, () => {
    it.live("stores, finds and replaces a customer, within its tenant only", () =>
      Effect.gen(function*() {
        const customers = yield* Customers
        const alice = CustomerId.make("alice")
        assert.deepStrictEqual(yield* customers.find(acme, alice), Option.none())
        yield* customers.put(acme, customer("alice", "standard", false))
        assert.deepStrictEqual(yield* customers.find(acme, alice), Option.some(customer("alice", "standard", false)))
        yield* customers.put(acme, customer("alice", "premium", true))
        assert.deepStrictEqual(yield* customers.find(acme, alice), Option.some(customer("alice", "premium", true)))
        assert.deepStrictEqual(yield* customers.find(globex, alice), Option.none(), "another tenant's customer is never seen")
        yield* customers.put(globex, customer("alice", "standard", true))
        assert.deepStrictEqual(yield* customers.find(acme, alice), Option.some(customer("alice", "premium", true)))
      }).pipe(Effect.provide(family.layer)))
  })
}
