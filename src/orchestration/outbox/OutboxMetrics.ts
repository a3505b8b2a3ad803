import { Metric } from "effect"

/** Deliveries, by destination and result. */
export const deliveries = Metric.counter("baton_outbox_deliveries_total", {
  description: "Outbox delivery attempts, by destination and result (delivered, retried, dead_lettered)",
  incremental: true
})

/** Entries waiting for delivery, as of the last observation. */
export const pending = Metric.gauge("baton_outbox_pending", { description: "Outbox entries waiting for delivery" })

/** Dead letters, as of the last observation. */
export const dead = Metric.gauge("baton_outbox_dead_letters", { description: "Outbox entries dead-lettered" })

/** Age of the oldest pending entry, as of the last observation. */
export const lagSeconds = Metric.gauge("baton_outbox_lag_seconds", { description: "Age of the oldest pending outbox entry" })
