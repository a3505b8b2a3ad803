import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Tracer } from "effect"
import * as BatonHttp from "../../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { createAdmin, loginAs, request } from "../../support/AuthClient.js"
import * as Workflows from "../../support/Workflows.js"

/** A tracer that records the name of every span it is asked to start. */
const recordingTracer = (names: Array<string>) =>
  Tracer.make({
    span: (name, parent, context, links, _startTime, kind) => {
      names.push(name)
      const attributes = new Map<string, unknown>()
      return {
        _tag: "Span",
        name,
        spanId: `span-${names.length}`,
        traceId: "trace",
        parent,
        context,
        status: { _tag: "Started", startTime: 0n },
        attributes,
        links,
        sampled: true,
        kind,
        end: () => {},
        attribute: (key, value) => attributes.set(key, value),
        event: () => {},
        addLinks: () => {}
      } satisfies Tracer.Span
    },
    context: (f) => f()
  })

/** The whole server over memory ports with `names` recording spans; `tracing` as `BATON_TRACING` sets it. */
const scenario = (tracing: boolean, names: Array<string>) =>
  Effect.gen(function*() {
    yield* createAdmin("ada@example.com", "correct horse battery staple")
    const { token } = yield* loginAs("ada@example.com", "correct horse battery staple")
    names.length = 0
    assert.strictEqual((yield* request("GET", "/me", { bearer: token })).status, 200)
    assert.strictEqual((yield* request("GET", "/health/live")).status, 200)
  }).pipe(
    Effect.provide(BatonHttp.app.pipe(
      Layer.provideMerge(Workflows.inMemory),
      Layer.provideMerge(MemoryPorts.layer()),
      Layer.provideMerge(NodeHttpServer.layerTest),
      Layer.orDie
    )),
    Effect.withTracer(recordingTracer(names)),
    Effect.withTracerEnabled(tracing)
  )

describe("request and orchestrator spans", () => {
  it.live("with tracing on, a request has a server span and its orchestrators' spans; probes have none", () =>
    Effect.gen(function*() {
      const names: Array<string> = []
      yield* scenario(true, names)
      assert.deepStrictEqual(names.filter((name) => name.startsWith("http.server")), ["http.server GET"], "GET /me only, not the probe")
      assert.include(names, "Identity.authenticate")
      assert.include(names, "Identity.getMe")
    }))

  it.live("with tracing off (the default), nothing asks the tracer for a span", () =>
    Effect.gen(function*() {
      const names: Array<string> = []
      yield* scenario(false, names)
      assert.deepStrictEqual(names, [])
    }))
})
