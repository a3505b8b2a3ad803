import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted } from "effect"
import { PaymentMethod } from "../../../src/domain/commerce/Payment.js"
import * as HttpPaymentGateway from "../../../src/layers/payment/HttpPaymentGateway.js"
import { PaymentGateway } from "../../../src/orchestration/commerce/PaymentGateway.js"
import { eur } from "../../support/CommerceFixtures.js"
import * as PaymentSimulator from "../../support/PaymentSimulator.js"

const withGateway = <A, E>(f: (sim: PaymentSimulator.Simulator) => Effect.Effect<A, E, PaymentGateway>) =>
  Effect.gen(function*() {
    const sim = yield* PaymentSimulator.make
    const gateway = HttpPaymentGateway.layer({ url: new URL(sim.url), apiKey: Option.some(Redacted.make("sk_test")), timeout: "300 millis" })
    return yield* f(sim).pipe(Effect.provide(gateway.pipe(Layer.provide(NodeHttpClient.layerUndici))))
  })

const charge = (key: string) =>
  Effect.flatMap(PaymentGateway, (gateway) => gateway.charge({ idempotencyKey: key, amount: eur(500), paymentMethod: PaymentMethod.make("pm_card_visa") }))

const failureOf = <A, R>(effect: Effect.Effect<A, { readonly transient: boolean; readonly message: string }, R>) =>
  Effect.map(Effect.flip(effect), (error) => ({ transient: error.transient, message: error.message }))

describe("HttpPaymentGateway", () => {
  it.scopedLive("sends the amount in minor units, the idempotency key as header and reference, and the bearer key", () =>
    withGateway((sim) =>
      Effect.gen(function*() {
        yield* charge("key-a")
        assert.deepStrictEqual(sim.charges().map((c) => [c.key, c.reference, c.amount, c.currency]), [["key-a", "key-a", 500, "eur"]])
        assert.deepStrictEqual(sim.authorizations(), ["Bearer sk_test"])
      })
    ))

  it.scopedLive("maps 5xx, 429, 409, timeouts and an unreachable service to transient failures", () =>
    withGateway((sim) =>
      Effect.gen(function*() {
        sim.failNext(1, 503)
        assert.deepStrictEqual(yield* failureOf(charge("k")), { transient: true, message: "PaymentGateway.charge failed (transient): answered 503: {\"error\":{\"code\":\"service_unavailable\"}}" })
        sim.failNext(1, 429)
        assert.isTrue((yield* failureOf(charge("k"))).transient)
        sim.failNext(1, 409)
        assert.isTrue((yield* failureOf(charge("k"))).transient)
        sim.faults.latencyMs = 600
        assert.isTrue((yield* failureOf(charge("slow"))).transient, "timed out")
        sim.faults.latencyMs = 0
        assert.strictEqual(sim.charges().filter((c) => c.key === "k").length, 0, "nothing was charged")
        const gone = HttpPaymentGateway.layer({ url: new URL("http://127.0.0.1:9/"), apiKey: Option.none(), timeout: "300 millis" })
        const unreachable = yield* failureOf(charge("x").pipe(Effect.provide(gone.pipe(Layer.provide(NodeHttpClient.layerUndici)))))
        assert.isTrue(unreachable.transient)
      })
    ))

  it.scopedLive("a charge whose answer was lost is answered by the retry under the same key, and taken once", () =>
    withGateway((sim) =>
      Effect.gen(function*() {
        sim.loseNextAnswers(1, 502)
        assert.isTrue((yield* failureOf(charge("lost"))).transient)
        const retried = yield* charge("lost")
        assert.deepStrictEqual(retried._tag === "Charged" ? retried.chargeId : null, sim.charges()[0]?.id)
        assert.strictEqual(sim.charges().length, 1)
      })
    ))

  it.scopedLive("maps other client errors to failures that retrying will not fix", () =>
    withGateway((sim) =>
      Effect.gen(function*() {
        sim.failNext(1, 400)
        assert.isFalse((yield* failureOf(charge("bad"))).transient)
        sim.failNext(1, 401)
        assert.isFalse((yield* failureOf(charge("bad"))).transient)
      })
    ))
})
