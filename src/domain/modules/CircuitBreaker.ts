import { DateTime, Duration, Option, Schema } from "effect"
import { HealthCheck } from "../health/Readiness.js"

/** Calls go through; `failures` counts the consecutive failures so far. */
export class Closed extends Schema.TaggedClass<Closed>()("Closed", { failures: Schema.NonNegativeInt }) {}

/** Calls are refused until `until` (epoch milliseconds); then one probe goes through. */
export class Open extends Schema.TaggedClass<Open>()("Open", { failures: Schema.NonNegativeInt, until: Schema.Number }) {}

/** The open period is over and one probe is in flight: every other call is refused until it answers. */
export class HalfOpen extends Schema.TaggedClass<HalfOpen>()("HalfOpen", { failures: Schema.NonNegativeInt }) {}

export const CircuitState = Schema.Union(Closed, Open, HalfOpen)
export type CircuitState = typeof CircuitState.Type

export interface BreakerPolicy {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number
  /** How long it stays open before a probe. */
  readonly openFor: Duration.Duration
}

/** 5 consecutive failures open the circuit for 60 s, then one probe. */
export const defaultPolicy: BreakerPolicy = { failureThreshold: 5, openFor: Duration.seconds(60) }

export const initial: CircuitState = new Closed({ failures: 0 })

/** Whether a call may go out now, and the state once it is let through or refused. */
export type Admission =
  | { readonly _tag: "Call"; readonly state: CircuitState }
  | { readonly _tag: "Probe"; readonly state: CircuitState }
  | { readonly _tag: "Reject"; readonly retryAt: number; readonly state: CircuitState }

export const admit = (state: CircuitState, now: number): Admission => {
  switch (state._tag) {
    case "Closed":
      return { _tag: "Call", state }
    case "Open":
      return now < state.until
        ? { _tag: "Reject", retryAt: state.until, state }
        : { _tag: "Probe", state: new HalfOpen({ failures: state.failures }) }
    case "HalfOpen":
      return { _tag: "Reject", retryAt: now, state }
  }
}

/** A call (or the probe) succeeded: the circuit closes. */
export const succeeded = (_state: CircuitState): CircuitState => new Closed({ failures: 0 })

/** A call failed: the circuit opens at the threshold, and a failed probe opens it again. */
export const failed = (state: CircuitState, now: number, policy: BreakerPolicy = defaultPolicy): CircuitState => {
  const failures = state.failures + 1
  const open = new Open({ failures, until: now + Duration.toMillis(policy.openFor) })
  if (state._tag === "Closed") return failures >= policy.failureThreshold ? open : new Closed({ failures })
  return open
}

/** The state as people and metrics read it. */
export const describe = (state: CircuitState): "closed" | "open" | "half-open" =>
  state._tag === "Closed" ? "closed" : state._tag === "Open" ? "open" : "half-open"

/** A circuit as readiness and the metrics report it. */
export class CircuitStatus extends Schema.Class<CircuitStatus>("CircuitStatus")({
  name: Schema.String,
  state: Schema.Literal("closed", "open", "half-open"),
  consecutiveFailures: Schema.NonNegativeInt,
  retryAt: Schema.OptionFromNullOr(Schema.DateTimeUtc)
}) {}

export const statusOf = (name: string, state: CircuitState): CircuitStatus =>
  new CircuitStatus({
    name,
    state: describe(state),
    consecutiveFailures: state.failures,
    retryAt: state._tag === "Open" ? Option.some(DateTime.unsafeMake(state.until)) : Option.none()
  })

/** Seconds until the circuit lets a call through again: none while closed (at least 1 otherwise). */
export const retryAfterSeconds = (status: CircuitStatus, now: number): Option.Option<number> =>
  status.state === "closed"
    ? Option.none()
    : Option.some(Math.max(1, Math.ceil((Option.match(status.retryAt, { onNone: () => now, onSome: DateTime.toEpochMillis }) - now) / 1000)))

/**
 * A circuit as a readiness check. An open circuit does not make baton unready (its other work goes
 * on; installations are refused with a clear answer): the check says so in its detail.
 */
export const circuitCheck = (status: CircuitStatus): HealthCheck =>
  new HealthCheck({
    name: `${status.name}-circuit`,
    ok: true,
    detail: status.state === "closed"
      ? `closed (${status.consecutiveFailures} consecutive failures)`
      : `${status.state} after ${status.consecutiveFailures} consecutive failures${
        Option.match(status.retryAt, { onNone: () => "", onSome: (at) => `, next probe at ${DateTime.formatIso(at)}` })
      }: installations are refused until it closes`
  })
