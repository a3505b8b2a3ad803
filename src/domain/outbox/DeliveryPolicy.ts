import { Data, Duration, Schema } from "effect"

/** How deliveries are retried: exponential backoff with full jitter, then a dead letter. */
export class DeliveryPolicy extends Schema.Class<DeliveryPolicy>("DeliveryPolicy")({
  maxAttempts: Schema.Int.pipe(Schema.between(1, 100)),
  baseDelay: Schema.DurationFromMillis,
  maxDelay: Schema.DurationFromMillis
}) {}

export const defaultPolicy = new DeliveryPolicy({
  maxAttempts: 12,
  baseDelay: Duration.seconds(1),
  maxDelay: Duration.minutes(10)
})

export type NextStep = Data.TaggedEnum<{
  /** Try again at `at` (epoch milliseconds). */
  Retry: { readonly at: number }
  /** Give up: the entry stays in the outbox as a dead letter, for an operator to inspect and replay. */
  DeadLetter: {}
}>
export const NextStep = Data.taggedEnum<NextStep>()

/**
 * What follows a failed attempt. `attempts` counts the attempts made, this one included;
 * `jitter` in [0, 1) spreads retries of many entries (full jitter: the delay is a fraction of
 * the capped exponential). The delay never falls below a tenth of the base delay.
 */
export const afterFailure = (policy: DeliveryPolicy, attempts: number, now: number, jitter: number): NextStep => {
  if (attempts >= policy.maxAttempts) return NextStep.DeadLetter()
  const base = Duration.toMillis(policy.baseDelay)
  const cap = Math.min(Duration.toMillis(policy.maxDelay), base * 2 ** (attempts - 1))
  const delay = Math.max(base / 10, cap * Math.min(Math.max(jitter, 0), 1))
  return NextStep.Retry({ at: now + Math.round(delay) })
}
