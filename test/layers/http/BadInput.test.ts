import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import * as HttpMetrics from "../../../src/layers/http/HttpMetrics.js"
import { allIssues } from "../../../src/layers/http/Payload.js"

/**
 * baton's serving pipeline (`HttpApiBuilder.serve` with baton's middleware) on a probe API with
 * a payload schema: the contract every group added later inherits.
 */
class Probe extends Schema.Class<Probe>("Probe")({
  count: Schema.Int.pipe(Schema.between(1, 10)),
  email: Schema.String.pipe(Schema.pattern(/^[^@\s]+@[^@\s]+$/))
}) {}

class ProbeApi extends HttpApi.make("probe").add(
  HttpApiGroup.make("probe")
    .add(HttpApiEndpoint.post("accept", "/probe").setPayload(allIssues(Probe)).addSuccess(Probe))
    .add(HttpApiEndpoint.get("boom", "/probe/boom").addSuccess(Schema.String))
) {}

const ProbeLive = HttpApiBuilder.group(ProbeApi, "probe", (handlers) =>
  handlers
    .handle("accept", ({ payload }) => Effect.succeed(payload))
    .handle("boom", () => Effect.die(new Error("internal detail that must not leak"))))

const served = HttpApiBuilder.serve(HttpMetrics.middleware).pipe(
  Layer.provide(HttpApiBuilder.api(ProbeApi).pipe(Layer.provide(ProbeLive))),
  Layer.provideMerge(NodeHttpServer.layerTest)
)

const post = (body: string) =>
  HttpClient.execute(HttpClientRequest.post("/probe").pipe(HttpClientRequest.bodyText(body, "application/json")))

describe("bad input through baton's serving pipeline", () => {
  it.live("answers 400 with the schema issues, each with its path", () =>
    Effect.gen(function*() {
      const response = yield* post(JSON.stringify({ count: 11, email: "nope" }))
      assert.strictEqual(response.status, 400)
      const body = (yield* response.json) as { _tag: string; issues: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }> }
      assert.strictEqual(body._tag, "HttpApiDecodeError")
      assert.deepStrictEqual(body.issues.map((i) => i.path.join(".")).sort(), ["count", "email"])
    }).pipe(Effect.provide(served)))

  it.live("answers 400 to a body that is not JSON, and accepts a valid one", () =>
    Effect.gen(function*() {
      assert.strictEqual((yield* post("{not json")).status, 400)
      assert.strictEqual((yield* post(JSON.stringify({ count: 3, email: "a@b.c" }))).status, 200)
    }).pipe(Effect.provide(served)))

  it.live("answers a defect with 500 and no detail or stack trace", () =>
    Effect.gen(function*() {
      const response = yield* HttpClient.get("/probe/boom")
      assert.strictEqual(response.status, 500)
      const text = yield* response.text
      assert.notInclude(text, "internal detail")
      assert.notMatch(text, /\bat .+:\d+:\d+/)
    }).pipe(Effect.provide(served)))
})
