import { Schema } from "effect"
import type { CustomerTier } from "./Customer.js"
import { DeclineReason, type Declined } from "./Payment.js"

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

/** Whether the policy retries after this decline, the `declines`-th in a row (counting from 1). */
export const retriesDecline = (policy: PaymentRetryPolicy, declined: Declined, declines: number): boolean =>
  declines <= policy.declineRetries && !policy.neverRetry.includes(declined.reason)
