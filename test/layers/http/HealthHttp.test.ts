import * as HttpApiClient from "@effect/platform/HttpApiClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { BatonApi } from "../../../src/layers/http/BatonApi.js"
import * as BatonHttp from "../../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { DispatcherSignal } from "../../../src/orchestration/outbox/DispatcherSignal.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import * as Workflows from "../../support/Workflows.js"

const served = () =>
  BatonHttp.app.pipe(Layer.provideMerge(Workflows.inMemory), Layer.provideMerge(MemoryPorts.layer()), Layer.provideMerge(NodeHttpServer.layerTest))

describe("health endpoints (in-process HTTP over memory layers)", () => {
  it.live("answers liveness, and readiness 503 with the failing check until the dispatcher has run a round", () =>
    Effect.gen(function*() {
      const client = yield* HttpApiClient.make(BatonApi)
      assert.deepStrictEqual(yield* client.health.live(), { status: "ok" })
      const before = yield* client.health.ready()
      assert.strictEqual(before._tag, "NotReady")
      assert.deepStrictEqual(before.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail]), [["dispatcher", "no round completed yet"]])
      yield* (yield* DispatcherSignal).beat
      const after = yield* client.health.ready()
      assert.strictEqual(after._tag, "Ready")
      const raw = yield* HttpClient.get("/health/ready")
      assert.strictEqual(raw.status, 200)
    }).pipe(Effect.provide(served())))

  it.live("returns 503 on the raw wire when not ready", () =>
    Effect.gen(function*() {
      const response = yield* HttpClient.get("/health/ready")
      assert.strictEqual(response.status, 503)
      const body = (yield* response.json) as { _tag: string }
      assert.strictEqual(body._tag, "NotReady")
    }).pipe(Effect.provide(served())))

  it.live("exposes Prometheus metrics, including the outbox backlog, and counts requests by the status they were answered with", () =>
    Effect.gen(function*() {
      yield* setSetting(new SystemActor({ component: "test" }), { key: "platform.displayName", value: "Metrics" })
      yield* HttpClient.get("/health/live")
      assert.strictEqual((yield* HttpClient.get("/no/such/metered/route")).status, 404)
      const response = yield* HttpClient.get("/metrics")
      assert.strictEqual(response.status, 200)
      assert.include(response.headers["content-type"], "text/plain; version=0.0.4")
      const text = yield* response.text
      assert.match(text, /^# TYPE baton_outbox_pending gauge$/m)
      assert.match(text, /^baton_outbox_pending 3$/m)
      assert.match(text, /^baton_http_requests_total\{method="GET",status="200"\} \d+$/m)
      assert.match(text, /^baton_http_requests_total\{method="GET",status="404"\} \d+$/m, "a request no route serves counts as the 404 it was answered")
      assert.match(text, /^baton_http_request_duration_seconds_bucket\{le="\+Inf"\} \d+$/m)
    }).pipe(Effect.provide(served())))

  it.live("answers 404 for an unknown route, and serves the OpenAPI document and the docs", () =>
    Effect.gen(function*() {
      assert.strictEqual((yield* HttpClient.get("/no/such/route")).status, 404)
      const openapi = (yield* (yield* HttpClient.get("/openapi.json")).json) as { openapi: string; paths: Record<string, unknown> }
      assert.strictEqual(openapi.openapi, "3.1.0")
      assert.includeMembers(Object.keys(openapi.paths), ["/health/live", "/health/ready", "/metrics"])
      assert.strictEqual((yield* HttpClient.get("/docs")).status, 200)
    }).pipe(Effect.provide(served())))
})
