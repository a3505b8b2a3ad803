import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { DeclineReason, Declined } from "../../../src/domain/commerce/Payment.js"
import { paymentRetryPolicy, retriesDecline } from "../../../src/domain/commerce/PaymentPolicy.js"

describe("paymentRetryPolicy", () => {
  it.each([
    ["premium", "card_declined", 1, true],
    ["premium", "insufficient_funds", 1, true],
    ["premium", "card_declined", 2, false],
    ["premium", "fraud", 1, false],
    ["standard", "card_declined", 1, false],
    ["standard", "fraud", 1, false]
  ] as const)("%s after a %s decline (#%i) retries: %s", (tier, reason, declines, expected) => {
    assert.strictEqual(retriesDecline(paymentRetryPolicy(tier), new Declined({ reason }), declines), expected)
  })

  it("retries transient failures for every tier, with backoff", () => {
    for (const tier of ["standard", "premium"] as const) {
      const policy = paymentRetryPolicy(tier)
      assert.isAbove(policy.transientRetries, 0)
      assert.isAbove(policy.transientBackoffMillis, 0)
    }
  })

  it.prop(
    "retries a decline at most once, only for premium, never for fraud",
    [fc.constantFrom("standard" as const, "premium" as const), fc.constantFrom(...DeclineReason.literals), fc.integer({ min: 1, max: 5 })],
    ([tier, reason, declines]) => {
      const retried = retriesDecline(paymentRetryPolicy(tier), new Declined({ reason }), declines)
      assert.strictEqual(retried, tier === "premium" && reason !== "fraud" && declines === 1)
    }
  )
})
