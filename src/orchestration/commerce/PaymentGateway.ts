import { Context, type Effect } from "effect"
import type { Money } from "../../domain/commerce/Money.js"
import type { ChargeResult, PaymentMethod, RefundResult } from "../../domain/commerce/Payment.js"
import type { PaymentGatewayError } from "./PaymentGatewayError.js"

export interface ChargeRequest {
  /** Names the charge: the same key always denotes the same charge. */
  readonly idempotencyKey: string
  readonly amount: Money
  readonly paymentMethod: PaymentMethod
}

export interface RefundRequest {
  /** Names the refund: the same key always denotes the same refund. */
  readonly idempotencyKey: string
  /** The idempotency key of the charge to give back. */
  readonly chargeKey: string
}

/** The payment service. */
export class PaymentGateway extends Context.Tag("baton/commerce/PaymentGateway")<PaymentGateway, {
  /**
   * Charges the amount to the payment method: `Charged`, or `Declined` with the reason. Exactly
   * once per idempotency key: a repeated call (after a timeout, a crash, a retry) never charges
   * again and answers as the first call was answered.
   */
  readonly charge: (request: ChargeRequest) => Effect.Effect<ChargeResult, PaymentGatewayError>
  /**
   * Gives back in full the charge taken under `chargeKey`: `Refunded`, or `NothingToRefund` when
   * no charge was taken under that key (declined, or it never reached the service). Idempotent
   * per idempotency key, and a charge is never refunded twice.
   */
  readonly refund: (request: RefundRequest) => Effect.Effect<RefundResult, PaymentGatewayError>
}>() {}
