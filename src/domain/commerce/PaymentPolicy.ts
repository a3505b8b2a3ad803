import { Schema } from "effect"
import type { CustomerTier } from "./Customer.js"
import { type ChargeResult, DeclineReason } from "./Payment.js"

/**
 * How a charge is retried, as data (the orchestrator turns it into `Schedule`s). A declined
 * charge is retried `declineRetries` times, `declineRetryDelayMillis` apart, each retry a new
 * charge under a new idempotency key, unless the reason is in `neverRetry`. A transient failure
 * of the payment service (timeout, 5xx, unreachable) is retried under the same idempotency key,
 * `transientRetries` times with exponential backoff from `transientBackoffMillis`.
 */
export class PaymentRetryPolicy extends Schema.Class<PaymentRetryPolicy>("PaymentRetryPolicy")({
  declineRetries: Schema.NonNegativeInt,
  neverRetry: Schema.Array(DeclineReason),
  declineRetryDelayMillis: Schema.NonNegativeInt,
  transientRetries: Schema.NonNegativeInt,
  transientBackoffMillis: Schema.NonNegativeInt
}) {}

const transient = { transientRetries: 3, transientBackoffMillis: 100 } as const

/** Premium: one retry of a declined charge, never for fraud. Standard: no retry of a decline. */
export const paymentRetryPolicy = (tier: CustomerTier): PaymentRetryPolicy =>
  tier === "premium"
    ? new PaymentRetryPolicy({ declineRetries: 1, neverRetry: ["fraud"], declineRetryDelayMillis: 1000, ...transient })
    : new PaymentRetryPolicy({ declineRetries: 0, neverRetry: [], declineRetryDelayMillis: 0, ...transient })

/** Whether a charge that came to `result` may be retried as a new charge (within `declineRetries`). */
export const retryable = (policy: PaymentRetryPolicy, result: ChargeResult): boolean =>
  result._tag === "Declined" && policy.declineRetries > 0 && !policy.neverRetry.includes(result.reason)
