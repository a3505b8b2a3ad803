import { Metric, MetricBoundaries } from "effect"

/** Operations that settled, by operation (install, upgrade, uninstall) and outcome (succeeded, failed, manual_intervention). */
export const settled = Metric.counter("baton_module_installations_total", {
  description: "Module operations settled, by operation and outcome (succeeded, failed, manual_intervention)",
  incremental: true
})

/** From the saga's start to the operation's settling, in seconds. */
export const duration = Metric.histogram(
  "baton_module_installation_duration_seconds",
  MetricBoundaries.fromIterable([0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]),
  "Module operation duration, from the saga's start to settling, by operation"
)

/** Jobs per state, as of the last observation. */
export const jobs = Metric.gauge("baton_module_jobs", { description: "Installation jobs by state, as of the last scrape" })

/** Jobs queued or running (the backlog), as of the last observation. */
export const backlog = Metric.gauge("baton_module_jobs_backlog", { description: "Installation jobs queued or in flight" })

/** Jobs whose saga is running, as of the last observation. */
export const inFlight = Metric.gauge("baton_module_jobs_in_flight", { description: "Installation jobs in flight (not queued)" })

/** The entitlement circuit: 0 closed, 1 half-open, 2 open. */
export const circuitState = Metric.gauge("baton_entitlements_circuit_state", {
  description: "The subscription service's circuit breaker: 0 closed, 1 half-open (probing), 2 open"
})

/** Circuit transitions, by the state entered. */
export const circuitTransitions = Metric.counter("baton_entitlements_circuit_transitions_total", {
  description: "Transitions of the subscription service's circuit breaker, by the state entered",
  incremental: true
})

/** Calls refused at once because the circuit was open. */
export const circuitRejections = Metric.counter("baton_entitlements_rejected_total", {
  description: "Entitlement checks refused without calling because the circuit was open",
  incremental: true
})
