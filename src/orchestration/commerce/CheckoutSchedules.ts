import { Duration, Schedule } from "effect"
import type { ChargeResult } from "../../domain/commerce/Payment.js"
import { type PaymentRetryPolicy, retryable } from "../../domain/commerce/PaymentPolicy.js"

/** One attempt to pay: its number (from 1) and what came of it (a decline, or what paying led to). */
export interface ChargeAttempt {
  readonly attempt: number
  readonly result: ChargeResult | { readonly _tag: "OrderPlaced" | "ReservationLapsed" }
}

/** Transient failures of the payment service: exponential backoff with jitter, `transientRetries` times. */
export const transientRetries = (policy: PaymentRetryPolicy) =>
  Schedule.exponential(Duration.millis(policy.transientBackoffMillis)).pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(policy.transientRetries))
  )

/**
 * Declined charges: another charge `declineRetryDelayMillis` later, at most `declineRetries`
 * times, while the decline is `retryable` (never for fraud). Its output is the last attempt.
 */
export const declineRetries = <A extends ChargeAttempt>(policy: PaymentRetryPolicy): Schedule.Schedule<A, A> =>
  Schedule.spaced(Duration.millis(policy.declineRetryDelayMillis)).pipe(
    Schedule.intersect(Schedule.recurs(policy.declineRetries)),
    Schedule.whileInput((attempt: A) => attempt.result._tag === "Declined" && retryable(policy, attempt.result)),
    Schedule.passthrough
  )

/** A step whose store failed: retried a few times within about half a second before the saga gives up. */
export const storeRetries = Schedule.exponential(Duration.millis(25)).pipe(
  Schedule.jittered,
  Schedule.intersect(Schedule.recurs(4))
)
