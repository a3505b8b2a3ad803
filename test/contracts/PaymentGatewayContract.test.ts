import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { PaymentMethod } from "../../src/domain/commerce/Payment.js"
import * as HttpPaymentGateway from "../../src/layers/payment/HttpPaymentGateway.js"
import * as SandboxPaymentGateway from "../../src/layers/payment/SandboxPaymentGateway.js"
import { PaymentGateway } from "../../src/orchestration/commerce/PaymentGateway.js"
import { eur } from "../support/CommerceFixtures.js"
import * as PaymentSimulator from "../support/PaymentSimulator.js"

const simulated = Layer.unwrapScoped(
  Effect.map(PaymentSimulator.make, (sim) =>
    HttpPaymentGateway.layer({ url: new URL(sim.url), apiKey: Option.none(), timeout: "2 seconds" }).pipe(Layer.provide(NodeHttpClient.layerUndici)))
)

const gateways: ReadonlyArray<{ readonly name: string; readonly layer: Layer.Layer<PaymentGateway> }> = [
  { name: "sandbox", layer: SandboxPaymentGateway.layer },
  { name: "http against the simulator", layer: simulated }
]

const charge = (key: string, method = "pm_card_visa", amount = 1999) =>
  Effect.flatMap(PaymentGateway, (gateway) => gateway.charge({ idempotencyKey: key, amount: eur(amount), paymentMethod: PaymentMethod.make(method) }))

const refund = (key: string, chargeKey: string) => Effect.flatMap(PaymentGateway, (gateway) => gateway.refund({ idempotencyKey: key, chargeKey }))

for (const gateway of gateways) {
  describe(`PaymentGateway contract: ${gateway.name}`, () => {
    it.live("charges once per idempotency key and answers a repeat as the first time", () =>
      Effect.gen(function*() {
        const first = yield* charge("k1")
        assert.strictEqual(first._tag, "Charged")
        assert.deepStrictEqual(first._tag === "Charged" ? first.amount : null, eur(1999))
        assert.deepStrictEqual(yield* charge("k1"), first)
        const other = yield* charge("k2")
        assert.notDeepEqual(other, first, "another key is another charge")
      }).pipe(Effect.provide(gateway.layer)))

    it.live("declines the test payment methods with their reason", () =>
      Effect.gen(function*() {
        const reasons = yield* Effect.forEach(
          ["pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds", "pm_card_chargeDeclinedExpiredCard", "pm_card_chargeDeclinedFraudulent"],
          (method, i) => Effect.map(charge(`d${i}`, method), (result) => (result._tag === "Declined" ? result.reason : result._tag))
        )
        assert.deepStrictEqual(reasons, ["card_declined", "insufficient_funds", "expired_card", "fraud"])
      }).pipe(Effect.provide(gateway.layer)))

    it.live("refunds a charge by its key once, whatever the refund key; nothing to refund for a decline or no charge", () =>
      Effect.gen(function*() {
        yield* charge("c1")
        const refunded = yield* refund("r1", "c1")
        assert.strictEqual(refunded._tag, "Refunded")
        assert.deepStrictEqual(yield* refund("r1", "c1"), refunded, "the same refund key answers the same")
        assert.deepStrictEqual(yield* refund("r2", "c1"), refunded, "never refunded twice")
        yield* charge("c2", "pm_card_chargeDeclined")
        assert.strictEqual((yield* refund("r3", "c2"))._tag, "NothingToRefund")
        assert.strictEqual((yield* refund("r4", "never-charged"))._tag, "NothingToRefund")
      }).pipe(Effect.provide(gateway.layer)))
  })
}
