import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Effect, Exit, Metric, MetricBoundaries, MetricLabel } from "effect"

const requests = Metric.counter("baton_http_requests_total", {
  description: "HTTP requests served, by method and status",
  incremental: true
})

const duration = Metric.histogram(
  "baton_http_request_duration_seconds",
  MetricBoundaries.exponential({ start: 0.0005, factor: 2, count: 16 }),
  "HTTP request duration, from routing to response"
)

/**
 * The counter's labels, one array per method and status. The metric finds its series by the
 * identity of the labels array it is updated with; a `Metric.tagged` counter passes a new array
 * on every update, so each one would build and hash a new key (≈ 1.5 µs).
 */
const labelSets = new Map<string, ReadonlyArray<MetricLabel.MetricLabel>>()
const labelsFor = (method: string, status: number) => {
  const key = `${method} ${status}`
  let labels = labelSets.get(key)
  if (labels === undefined) {
    labels = [MetricLabel.make("method", method), MetricLabel.make("status", String(status))]
    labelSets.set(key, labels)
  }
  return labels
}
const noLabels: ReadonlyArray<MetricLabel.MetricLabel> = []

/**
 * Counts requests by method and status and observes their duration. The metrics are updated
 * synchronously when the response is ready (one `onExit`, no generator): this runs on every
 * request, probes included (`bench/health.ts`).
 */
export const middleware = HttpMiddleware.make((app) =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const start = performance.now()
    return Effect.onExit(app, (exit) =>
      Effect.sync(() => {
        requests.unsafeUpdate(1, labelsFor(request.method, Exit.isSuccess(exit) ? exit.value.status : 500))
        duration.unsafeUpdate((performance.now() - start) / 1000, noLabels)
      }))
  })
)
