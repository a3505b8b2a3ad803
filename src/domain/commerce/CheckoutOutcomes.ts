import { Schema } from "effect"
import { Sku } from "./Cart.js"
import { CheckoutKey } from "./Checkout.js"
import { ConfirmationKind } from "./CheckoutRules.js"
import { Money } from "./Money.js"
import { OrderId } from "./Order.js"
import { DeclineReason } from "./Payment.js"
import { Violation } from "./Violations.js"

/** The checkout broke the rules: every violation is listed. Nothing was reserved or charged. */
export class CheckoutRejected extends Schema.TaggedClass<CheckoutRejected>()("CheckoutRejected", {
  violations: Schema.Array(Violation)
}) {}

/** Not enough stock of these products (and the customer may not backorder). Nothing was charged. */
export class InsufficientStock extends Schema.TaggedClass<InsufficientStock>()("InsufficientStock", {
  skus: Schema.Array(Sku)
}) {}

/** The payment was declined (after the retries the customer's policy allows). The reservation was released. */
export class PaymentDeclined extends Schema.TaggedClass<PaymentDeclined>()("PaymentDeclined", {
  reason: DeclineReason
}) {}

/** The order is placed: paid, its stock committed, its confirmation (of this kind) on its way. */
export class OrderPlaced extends Schema.TaggedClass<OrderPlaced>()("OrderPlaced", {
  orderId: OrderId,
  total: Money,
  confirmation: ConfirmationKind
}) {}

/** What a checkout comes to. The same key always comes to the same outcome. */
export const CheckoutOutcome = Schema.Union(CheckoutRejected, InsufficientStock, PaymentDeclined, OrderPlaced)
export type CheckoutOutcome = typeof CheckoutOutcome.Type

/** The key was already used for a different request in this tenant; nothing was done. */
export class IdempotencyKeyReused extends Schema.TaggedClass<IdempotencyKeyReused>()("IdempotencyKeyReused", {
  key: CheckoutKey
}) {}
