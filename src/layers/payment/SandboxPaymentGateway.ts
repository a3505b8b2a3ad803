import { Context, Effect, Layer, Ref } from "effect"
import type { Money } from "../../domain/commerce/Money.js"
import {
  ChargeId,
  Charged,
  type ChargeResult,
  type DeclineReason,
  Declined,
  NothingToRefund,
  RefundId,
  Refunded,
  type RefundResult
} from "../../domain/commerce/Payment.js"
import { PaymentGateway } from "../../orchestration/commerce/PaymentGateway.js"

/**
 * Test payment methods, as Stripe names them: these decline with their reason; every other
 * payment method is charged.
 */
export const declines: Readonly<Record<string, DeclineReason>> = {
  pm_card_chargeDeclined: "card_declined",
  pm_card_chargeDeclinedInsufficientFunds: "insufficient_funds",
  pm_card_chargeDeclinedExpiredCard: "expired_card",
  pm_card_chargeDeclinedFraudulent: "fraud"
}

/** What the sandbox answers a charge of this payment method, when it sees it for the first time. */
export const decide = (paymentMethod: string, chargeId: string, amount: Money): ChargeResult => {
  const reason = declines[paymentMethod]
  return reason === undefined ? new Charged({ chargeId: ChargeId.make(chargeId), amount }) : new Declined({ reason })
}

export interface Ledger {
  /** Every charge answered, by idempotency key, in order. */
  readonly charges: ReadonlyArray<{ readonly key: string; readonly result: ChargeResult }>
  /** Every refund answered, by idempotency key, in order. */
  readonly refunds: ReadonlyArray<{ readonly key: string; readonly chargeKey: string; readonly result: RefundResult }>
}

/** What the sandbox has charged and refunded (for tests and demos). */
export class SandboxLedger extends Context.Tag("baton/layers/payment/SandboxLedger")<SandboxLedger, {
  readonly ledger: Effect.Effect<Ledger>
}>() {}

/**
 * A payment service in this process, for development and tests: no network, no money. It keeps
 * every answer by idempotency key, so a repeated charge or refund answers as the first did, and
 * a charge is refunded at most once. Its memory ends with the process.
 */
export const layer: Layer.Layer<PaymentGateway | SandboxLedger> = Layer.effectContext(
  Effect.gen(function*() {
    const state = yield* Ref.make<Ledger>({ charges: [], refunds: [] })
    const gateway = PaymentGateway.of({
      charge: (request) =>
        Ref.modify(state, (ledger) => {
          const known = ledger.charges.find((c) => c.key === request.idempotencyKey)
          if (known !== undefined) return [known.result, ledger]
          const result = decide(request.paymentMethod, `ch_sandbox_${ledger.charges.length + 1}`, request.amount)
          return [result, { ...ledger, charges: [...ledger.charges, { key: request.idempotencyKey, result }] }]
        }),
      refund: (request) =>
        Ref.modify(state, (ledger) => {
          const known = ledger.refunds.find((r) => r.key === request.idempotencyKey || (r.chargeKey === request.chargeKey && r.result._tag === "Refunded"))
          if (known !== undefined) return [known.result, ledger]
          const charged = ledger.charges.some((c) => c.key === request.chargeKey && c.result._tag === "Charged")
          const result = charged ? new Refunded({ refundId: RefundId.make(`re_sandbox_${ledger.refunds.length + 1}`) }) : new NothingToRefund()
          return [result, { ...ledger, refunds: [...ledger.refunds, { key: request.idempotencyKey, chargeKey: request.chargeKey, result }] }]
        })
    })
    return Context.make(PaymentGateway, gateway).pipe(Context.add(SandboxLedger, { ledger: Ref.get(state) }))
  })
)
