import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Effect, Exit, Metric, MetricBoundaries } from "effect"

const requests = Metric.counter("baton_http_requests_total", {
  description: "HTTP requests served, by method and status",
  incremental: true
})

const duration = Metric.histogram(
  "baton_http_request_duration_seconds",
  MetricBoundaries.exponential({ start: 0.0005, factor: 2, count: 16 }),
  "HTTP request duration, from routing to response"
)

/** Tagged counters, made once per method and status (tagging allocates a new key). */
const counters = new Map<string, Metric.Metric.Counter<number>>()
const counterFor = (method: string, status: number) => {
  const key = `${method} ${status}`
  let counter = counters.get(key)
  if (counter === undefined) {
    counter = Metric.tagged(Metric.tagged(requests, "method", method), "status", String(status))
    counters.set(key, counter)
  }
  return counter
}

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
        counterFor(request.method, Exit.isSuccess(exit) ? exit.value.status : 500).unsafeUpdate(1, [])
        duration.unsafeUpdate((performance.now() - start) / 1000, [])
      }))
  })
)
