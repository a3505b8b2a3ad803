import { Schema } from "effect"
import { Money } from "./Money.js"

/** An opaque payment-method token from the storefront's payment form (never card data). */
export const PaymentMethod = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(255), Schema.brand("PaymentMethod"))
export type PaymentMethod = typeof PaymentMethod.Type

/** The payment service's id of a charge. */
export const ChargeId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("ChargeId"))
export type ChargeId = typeof ChargeId.Type

/** The payment service's id of a refund. */
export const RefundId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("RefundId"))
export type RefundId = typeof RefundId.Type

/** Why the issuer or the payment service refused a charge. `fraud` is never retried. */
export const DeclineReason = Schema.Literal("card_declined", "insufficient_funds", "expired_card", "fraud")
export type DeclineReason = typeof DeclineReason.Type

/** The amount was taken. */
export class Charged extends Schema.TaggedClass<Charged>()("Charged", {
  chargeId: ChargeId,
  amount: Money
}) {}

/** The charge was refused; nothing was taken. */
export class Declined extends Schema.TaggedClass<Declined>()("Declined", {
  reason: DeclineReason
}) {}

export const ChargeResult = Schema.Union(Charged, Declined)
export type ChargeResult = typeof ChargeResult.Type

/** The charge was given back. */
export class Refunded extends Schema.TaggedClass<Refunded>()("Refunded", {
  refundId: RefundId
}) {}

/** No charge was taken under that key, so there is nothing to give back. */
export class NothingToRefund extends Schema.TaggedClass<NothingToRefund>()("NothingToRefund", {}) {}

/** The refund could not be made (the payment service kept failing): the checkout awaits manual intervention. */
export class RefundFailed extends Schema.TaggedClass<RefundFailed>()("RefundFailed", {
  reason: Schema.String
}) {}

export const RefundResult = Schema.Union(Refunded, NothingToRefund)
export type RefundResult = typeof RefundResult.Type
