import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Layer, TestClock } from "effect"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import * as Prometheus from "../../../src/layers/http/Prometheus.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import * as SubscriptionService from "../../../src/layers/modules/SubscriptionService.js"
import { checkReadiness } from "../../../src/orchestration/health/checkReadiness.js"
import { Entitlements } from "../../../src/orchestration/modules/Entitlements.js"
import { defaultLimits } from "../../../src/layers/http/HealthHttp.js"

const acme = TenantId.make("acme")

/** A subscription service on loopback answering with `answer()`; counts the requests it got. */
const loopback = (answer: (path: string) => { readonly status: number; readonly body?: unknown }) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: URL; readonly hits: () => number; readonly close: () => void }>((resume) => {
      let hits = 0
      const server = createServer((request, response) => {
        hits++
        const { body, status } = answer(request.url ?? "")
        response.writeHead(status, { "content-type": "application/json" }).end(body === undefined ? "" : JSON.stringify(body))
      })
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({
          url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api`),
          hits: () => hits,
          close: () => server.close()
        })))
    }),
    (server) => Effect.sync(() => server.close())
  )

const portsOver = (url: URL) =>
  MemoryPorts.layer().pipe(Layer.provide(SubscriptionService.layerHttp(url, Duration.seconds(2))), Layer.provide(NodeHttpClient.layerUndici))

describe("entitlements through the circuit breaker, against a subscription service on loopback", () => {
  it.scopedLive("five consecutive failures open the circuit: checks then fail at once without calling; readiness and metrics show it", () =>
    Effect.gen(function*() {
      const service = yield* loopback(() => ({ status: 500 }))
      yield* Effect.gen(function*() {
        const entitlements = yield* Entitlements
        for (let i = 0; i < 5; i++) assert.strictEqual((yield* Effect.flip(entitlements.check(acme, "digital-cards"))).reason, "status 500")
        assert.strictEqual(service.hits(), 5)
        const [elapsed, refused] = yield* Effect.timed(Effect.flip(entitlements.check(acme, "digital-cards")))
        assert.match(refused.reason, /^circuit open until /)
        assert.strictEqual(service.hits(), 5, "not called while open")
        assert.isBelow(Duration.toMillis(elapsed), 50)
        const readiness = yield* checkReadiness(defaultLimits)
        const circuit = readiness.checks.find((c) => c.name === "entitlements-circuit")
        assert.match(circuit?.detail ?? "", /^open after 5 consecutive failures, next probe at .*: installations are refused until it closes$/)
        assert.match(yield* Prometheus.render, /^baton_entitlements_circuit_state 2$/m)
      }).pipe(Effect.provide(portsOver(service.url)))
    }))

  it.scoped("after 60 s one probe goes through: a success closes the circuit; 200 answers the entitlement, 404 denies it", () =>
    Effect.gen(function*() {
      let healthy = false
      const service = yield* loopback((path) =>
        !healthy ? { status: 503 } : path.endsWith("/loyalty") ? { status: 404 } : { status: 200, body: { entitled: true } })
      yield* Effect.gen(function*() {
        const entitlements = yield* Entitlements
        for (let i = 0; i < 5; i++) yield* Effect.flip(entitlements.check(acme, "digital-cards"))
        healthy = true
        yield* TestClock.adjust("59 seconds")
        assert.match((yield* Effect.flip(entitlements.check(acme, "digital-cards"))).reason, /^circuit open/)
        yield* TestClock.adjust("1 second")
        assert.isTrue(yield* entitlements.check(acme, "digital-cards"))
        assert.strictEqual((yield* entitlements.circuit).state, "closed")
        assert.isFalse(yield* entitlements.check(acme, "loyalty"))
        assert.strictEqual(service.hits(), 7)
      }).pipe(Effect.provide(portsOver(service.url)))
    }))
})
