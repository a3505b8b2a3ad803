import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Context, Effect, Metric, MetricBoundaries, MetricLabel } from "effect"

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
 * Runs `app` for `request`, then counts the request by method and status and observes its
 * duration; `settled` runs then too. A failure is counted with the status the platform answers
 * it with (404 for no route, 499 when the client went away, 500 for a defect).
 *
 * This runs on every request, probes included (`bench/health.ts`), so it is one continuation
 * (`matchCauseEffect`), updated synchronously: no generator, no finalizer. The platform runs
 * middleware inside the request's uninterruptible region (`HttpApp.toHandled`): a handler that
 * is interrupted still reaches the continuation, with its interruption as the cause.
 */
export const measured = <E, R>(
  app: HttpApp.Default<E, R>,
  request: HttpServerRequest.HttpServerRequest,
  settled?: () => void
): HttpApp.Default<E, R> => {
  const start = performance.now()
  const settle = (status: number) => {
    requests.unsafeUpdate(1, labelsFor(request.method, status))
    duration.unsafeUpdate((performance.now() - start) / 1000, noLabels)
    settled?.()
  }
  return Effect.matchCauseEffect(app, {
    onFailure: (cause) =>
      Effect.flatMap(HttpServerError.causeResponse(cause), ([response]) => {
        settle(response.status)
        return Effect.failCause(cause)
      }),
    onSuccess: (response) => {
      settle(response.status)
      return Effect.succeed(response)
    }
  })
}

/** Request metrics alone, as middleware. */
export const middleware = HttpMiddleware.make(<E, R>(app: HttpApp.Default<E, R>) =>
  Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest>((fiber) => measured(app, Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)))
)
