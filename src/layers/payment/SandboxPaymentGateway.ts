import { Context, Effect, Layer } from "effect"
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
  Effect.sync(() => {
    const charges = new Map<string, ChargeResult>()
    const refunds = new Map<string, { readonly chargeKey: string; readonly result: RefundResult }>()
    const refundOfCharge = new Map<string, RefundResult>()
    const gateway = PaymentGateway.of({
      charge: (request) =>
        Effect.sync(() => {
          const known = charges.get(request.idempotencyKey)
          if (known !== undefined) return known
          const result = decide(request.paymentMethod, `ch_sandbox_${charges.size + 1}`, request.amount)
          charges.set(request.idempotencyKey, result)
          return result
        }),
      refund: (request) =>
        Effect.sync(() => {
          const known = refunds.get(request.idempotencyKey)?.result ?? refundOfCharge.get(request.chargeKey)
          if (known !== undefined) return known
          const result = charges.get(request.chargeKey)?._tag === "Charged"
            ? new Refunded({ refundId: RefundId.make(`re_sandbox_${refunds.size + 1}`) })
            : new NothingToRefund()
          refunds.set(request.idempotencyKey, { chargeKey: request.chargeKey, result })
          if (result._tag === "Refunded") refundOfCharge.set(request.chargeKey, result)
          return result
        })
    })
    const ledger: Effect.Effect<Ledger> = Effect.sync(() => ({
      charges: [...charges].map(([key, result]) => ({ key, result })),
      refunds: [...refunds].map(([key, { chargeKey, result }]) => ({ key, chargeKey, result }))
    }))
    return Context.make(PaymentGateway, gateway).pipe(Context.add(SandboxLedger, { ledger }))
  })
)
