import { assert, describe, it } from "@effect/vitest"
import { Effect, Metric, MetricBoundaries } from "effect"
import * as Prometheus from "../../../src/layers/http/Prometheus.js"

describe("Prometheus.render", () => {
  it.effect("renders counters, gauges and histograms in the text exposition format", () =>
    Effect.gen(function*() {
      const counter = Metric.counter("test_render_total", { description: "a counter", incremental: true })
      yield* Metric.increment(Metric.tagged(counter, "kind", "a\"b"))
      yield* Metric.set(Metric.gauge("test_render_gauge"), 2.5)
      const histogram = Metric.histogram("test_render_seconds", MetricBoundaries.linear({ start: 1, width: 1, count: 3 }))
      yield* Metric.update(histogram, 0.5)
      yield* Metric.update(histogram, 5)
      const text = yield* Prometheus.render
      assert.include(text, "# HELP test_render_total a counter\n# TYPE test_render_total counter\ntest_render_total{kind=\"a\\\"b\"} 1\n")
      assert.include(text, "# TYPE test_render_gauge gauge\ntest_render_gauge 2.5\n")
      assert.include(
        text,
        "test_render_seconds_bucket{le=\"1\"} 1\ntest_render_seconds_bucket{le=\"2\"} 1\ntest_render_seconds_bucket{le=\"+Inf\"} 2\ntest_render_seconds_sum 5.5\ntest_render_seconds_count 2\n"
      )
    }))
})
