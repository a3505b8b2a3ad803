import { Duration, Either, Option, Schema } from "effect"

/** One readiness check with a human-readable detail. */
export class HealthCheck extends Schema.Class<HealthCheck>("HealthCheck")({
  name: Schema.String,
  ok: Schema.Boolean,
  detail: Schema.String
}) {}

export class Ready extends Schema.TaggedClass<Ready>()("Ready", {
  checks: Schema.Array(HealthCheck)
}) {}

export class NotReady extends Schema.TaggedClass<NotReady>()("NotReady", {
  checks: Schema.Array(HealthCheck)
}) {}

export type Readiness = Ready | NotReady

/** Counts of the outbox, as the readiness and metrics see them. */
export interface OutboxStats {
  readonly pending: number
  readonly dead: number
  /** Age of the oldest entry still waiting for delivery. */
  readonly oldestPendingAge: Option.Option<Duration.Duration>
}

export interface ReadinessLimits {
  /** The oldest pending entry may be at most this old. */
  readonly maxOutboxLag: Duration.Duration
  /** The dispatcher must have completed a round at most this long ago. */
  readonly maxHeartbeatAge: Duration.Duration
}

const describe = (duration: Duration.Duration): string => `${Math.round(Duration.toMillis(duration))} ms`

/**
 * Readiness from what was observed: the database answered (with the outbox counts) or failed
 * (with the reason); the dispatcher's last heartbeat, if any. Ready only when every check holds.
 */
export const assessReadiness = (
  observed: {
    readonly outbox: Either.Either<OutboxStats, string>
    readonly heartbeatAge: Option.Option<Duration.Duration>
    /** Further checks reported as they are (e.g. circuit breakers). */
    readonly more?: ReadonlyArray<HealthCheck>
  },
  limits: ReadinessLimits
): Readiness => {
  const database = Either.match(observed.outbox, {
    onLeft: (reason) => new HealthCheck({ name: "database", ok: false, detail: reason }),
    onRight: () => new HealthCheck({ name: "database", ok: true, detail: "reachable" })
  })
  const outbox = Either.match(observed.outbox, {
    onLeft: () => new HealthCheck({ name: "outbox", ok: false, detail: "unknown: the database did not answer" }),
    onRight: (stats) => {
      const lagging = Option.exists(stats.oldestPendingAge, (age) => Duration.greaterThan(age, limits.maxOutboxLag))
      return new HealthCheck({
        name: "outbox",
        ok: !lagging,
        detail: `${stats.pending} pending, ${stats.dead} dead-lettered, oldest pending ${
          Option.match(stats.oldestPendingAge, { onNone: () => "none", onSome: describe })
        } (limit ${describe(limits.maxOutboxLag)})`
      })
    }
  })
  const dispatcher = Option.match(observed.heartbeatAge, {
    onNone: () => new HealthCheck({ name: "dispatcher", ok: false, detail: "no round completed yet" }),
    onSome: (age) =>
      new HealthCheck({
        name: "dispatcher",
        ok: Duration.lessThanOrEqualTo(age, limits.maxHeartbeatAge),
        detail: `last round ${describe(age)} ago (limit ${describe(limits.maxHeartbeatAge)})`
      })
  })
  const checks = [database, outbox, dispatcher, ...(observed.more ?? [])]
  return checks.every((check) => check.ok) ? new Ready({ checks }) : new NotReady({ checks })
}
