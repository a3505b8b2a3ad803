import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { ChargeId, Charged, DeclineReason, Declined } from "../../../src/domain/commerce/Payment.js"
import { paymentRetryPolicy, retryable } from "../../../src/domain/commerce/PaymentPolicy.js"
import { eur } from "./Fixtures.js"

describe("paymentRetryPolicy", () => {
  it.each([
    ["premium", "card_declined", true],
    ["premium", "insufficient_funds", true],
    ["premium", "expired_card", true],
    ["premium", "fraud", false],
    ["standard", "card_declined", false],
    ["standard", "fraud", false]
  ] as const)("%s after a %s decline retries: %s", (tier, reason, expected) => {
    assert.strictEqual(retryable(paymentRetryPolicy(tier), new Declined({ reason })), expected)
  })

  it("retries a decline once for premium, never for standard, and never a successful charge", () => {
    assert.strictEqual(paymentRetryPolicy("premium").declineRetries, 1)
    assert.strictEqual(paymentRetryPolicy("standard").declineRetries, 0)
    assert.isFalse(retryable(paymentRetryPolicy("premium"), new Charged({ chargeId: ChargeId.make("ch_1"), amount: eur(1) })))
  })

  it("retries transient failures for every tier, with backoff", () => {
    for (const tier of ["standard", "premium"] as const) {
      const policy = paymentRetryPolicy(tier)
      assert.isAbove(policy.transientRetries, 0)
      assert.isAbove(policy.transientBackoffMillis, 0)
    }
  })

  it.prop(
    "retries a decline only for premium and never for fraud",
    [fc.constantFrom("standard" as const, "premium" as const), fc.constantFrom(...DeclineReason.literals)],
    ([tier, reason]) => {
      assert.strictEqual(retryable(paymentRetryPolicy(tier), new Declined({ reason })), tier === "premium" && reason !== "fraud")
    }
  )
})
