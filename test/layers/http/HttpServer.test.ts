import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Context, Deferred, Effect, Exit, Layer, Option, Schema, Scope } from "effect"
import * as BatonHttp from "../../../src/layers/http/HttpServer.js"
import { freePort } from "../../support/ServiceProcess.js"

/** A server with one route that answers after `delay` ms, and signals when a request has arrived. */
const slowServer = (port: number, arrived: Deferred.Deferred<void>, delay: number, drainTimeout: number) =>
  HttpRouter.empty.pipe(
    HttpRouter.get("/slow", Deferred.succeed(arrived, undefined).pipe(
      Effect.zipRight(Effect.sleep(delay)),
      Effect.as(HttpServerResponse.text("done"))
    )),
    HttpServer.serve(),
    Layer.provide(BatonHttp.listen({ port, host: "127.0.0.1", drainTimeout }))
  )

describe("BatonHttp.listen", () => {
  it.live("lets an in-flight request finish when the server shuts down, and refuses new connections", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const arrived = yield* Deferred.make<void>()
      const scope = yield* Scope.make()
      yield* Layer.buildWithScope(slowServer(port, arrived, 400, 5000), scope)
      const response = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text())
      yield* Deferred.await(arrived)
      const closing = yield* Effect.fork(Scope.close(scope, Exit.void))
      yield* Effect.sleep("50 millis")
      const refused = yield* Effect.either(Effect.tryPromise(() => fetch(`http://127.0.0.1:${port}/slow`)))
      assert.strictEqual(refused._tag, "Left", "no new connection during the drain")
      assert.strictEqual(yield* Effect.promise(() => response), "done")
      yield* closing.await
    }))

  it.live("closes connections still busy after the drain timeout", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const arrived = yield* Deferred.make<void>()
      const scope = yield* Scope.make()
      yield* Layer.buildWithScope(slowServer(port, arrived, 60_000, 300), scope)
      const response = fetch(`http://127.0.0.1:${port}/slow`).then(() => "answered", () => "connection closed")
      yield* Deferred.await(arrived)
      const started = Date.now()
      yield* Scope.close(scope, Exit.void)
      assert.strictEqual(yield* Effect.promise(() => response), "connection closed")
      assert.isBelow(Date.now() - started, 5000)
    }))
})

/** A port the probe group's handler reads, as baton's handlers read theirs. */
class Port extends Context.Tag("test/HttpServer/Port")<Port, { readonly value: string }>() {}

const ProbeApi = HttpApi.make("probe").add(HttpApiGroup.make("probe").add(HttpApiEndpoint.get("probe", "/probe").addSuccess(Schema.String)))

const probeGroup = HttpApiBuilder.group(ProbeApi, "probe", (handlers) => handlers.handle("probe", () => Effect.map(Port, (port) => port.value)))

/** Serves `ProbeApi` (served alone or not), recording whether each request starts with `Port` in its context. */
const probeServer = (alone: boolean, seen: Array<boolean>) => {
  const recordPort = (app: HttpApp.Default) =>
    Effect.flatMap(Effect.serviceOption(Port), (port) => {
      seen.push(Option.isSome(port))
      return app
    })
  const serve = HttpApiBuilder.serve(recordPort)
  return (alone ? BatonHttp.servedAlone(serve) : serve).pipe(
    Layer.provide(HttpApiBuilder.api(ProbeApi).pipe(Layer.provide(probeGroup))),
    Layer.provide(Layer.succeed(Port, { value: "from the port" })),
    Layer.provideMerge(NodeHttpServer.layerTest)
  )
}

describe("BatonHttp.servedAlone", () => {
  it.live("starts requests without the ports, and the group's handlers still read them", () =>
    Effect.gen(function*() {
      for (const alone of [false, true]) {
        const seen: Array<boolean> = []
        const body = yield* HttpClient.get("/probe").pipe(
          Effect.flatMap((response) => response.json),
          Effect.provide(probeServer(alone, seen)),
          Effect.scoped
        )
        assert.strictEqual(body, "from the port")
        assert.deepStrictEqual(seen, [!alone], alone ? "served alone: the request starts without the port" : "the platform's way: with it")
      }
    }))
})
