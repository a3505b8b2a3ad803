import { DateTime, Duration, Option, Schema } from "effect"

/** Which counter: password failures (kept per email, known or not) or second-factor failures (per account). */
export const Factor = Schema.Literal("password", "secondFactor")
export type Factor = typeof Factor.Type

export const THRESHOLD = 5
export const FIRST_LOCK = Duration.minutes(1)
export const LONGEST_LOCK = Duration.minutes(15)

/** A subject's consecutive failures for one factor, and the lock they caused, if any. */
export class AttemptState extends Schema.Class<AttemptState>("AttemptState")({
  failures: Schema.NonNegativeInt,
  lockedUntil: Schema.OptionFromNullOr(Schema.DateTimeUtc)
}) {}

export const noAttempts = new AttemptState({ failures: 0, lockedUntil: Option.none() })

/** Whether there is anything for a success to reset. */
export const hasFailures = (state: AttemptState): boolean => state.failures > 0 || Option.isSome(state.lockedUntil)

/**
 * The lock earned by the `failures`-th consecutive failure: every fifth failure locks, for one
 * minute the first time and twice as long each time after, fifteen minutes at most.
 */
export const lockFor = (failures: number): Option.Option<Duration.Duration> =>
  failures > 0 && failures % THRESHOLD === 0
    ? Option.some(Duration.min(LONGEST_LOCK, Duration.times(FIRST_LOCK, 2 ** (failures / THRESHOLD - 1))))
    : Option.none()

/** How long until the subject may try again, when it is locked at `now`. */
export const retryAfter = (state: AttemptState, now: DateTime.Utc): Option.Option<Duration.Duration> =>
  state.lockedUntil.pipe(
    Option.filter((until) => DateTime.lessThan(now, until)),
    Option.map((until) => Duration.millis(DateTime.toEpochMillis(until) - DateTime.toEpochMillis(now)))
  )
