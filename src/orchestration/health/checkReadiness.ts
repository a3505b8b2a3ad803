import { Clock, Duration, Effect, Metric, Option } from "effect"
import { assessReadiness, type ReadinessLimits } from "../../domain/health/Readiness.js"
import { DispatcherSignal } from "../outbox/DispatcherSignal.js"
import { Outbox } from "../outbox/Outbox.js"
import { circuitCheck } from "../../domain/modules/CircuitBreaker.js"
import { Entitlements } from "../modules/Entitlements.js"
import * as OutboxMetrics from "../outbox/OutboxMetrics.js"
import { fn } from "../shared/Fn.js"

/** Observes the outbox (which also proves the database answers) and updates its gauges. */
export const observeOutbox = fn("Health.observeOutbox")(function*() {
  const stats = yield* (yield* Outbox).stats
  const now = yield* Clock.currentTimeMillis
  const oldestPendingAge = Option.map(Option.fromNullable(stats.oldestPendingAt), (at) => Duration.millis(Math.max(0, now - at)))
  yield* Metric.set(OutboxMetrics.pending, stats.pending)
  yield* Metric.set(OutboxMetrics.dead, stats.dead)
  yield* Metric.set(OutboxMetrics.lagSeconds, Option.match(oldestPendingAge, { onNone: () => 0, onSome: Duration.toSeconds }))
  return { pending: stats.pending, dead: stats.dead, oldestPendingAge }
})

/** 1 when the last readiness check passed, 0 when it did not. */
export const ready = Metric.gauge("baton_ready", { description: "1 when the last readiness check passed, 0 when it did not" })

/** Readiness: the database answers, the outbox is not lagging, the dispatcher is alive; the entitlement circuit in the details. */
export const checkReadiness = fn("Health.checkReadiness")(function*(limits: ReadinessLimits) {
  const outbox = yield* observeOutbox().pipe(
    Effect.mapError((error) => error.message),
    Effect.either
  )
  const now = yield* Clock.currentTimeMillis
  const lastBeat = yield* (yield* DispatcherSignal).lastBeat
  const circuit = circuitCheck(yield* (yield* Entitlements).circuit)
  const readiness = assessReadiness(
    { outbox, heartbeatAge: Option.map(lastBeat, (at) => Duration.millis(Math.max(0, now - at))), more: [circuit] },
    limits
  )
  yield* Metric.set(ready, readiness._tag === "Ready" ? 1 : 0)
  return readiness
})

