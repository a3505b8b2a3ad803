import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { assert, describe, it } from "@effect/vitest"
import { Deferred, Effect, Exit, Layer, Scope } from "effect"
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
