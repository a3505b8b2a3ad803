import { Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { Sku } from "./Cart.js"
import { CheckoutKey } from "./Checkout.js"
import { ConfirmationKind } from "./CheckoutRules.js"
import { CustomerId } from "./Customer.js"
import { Money } from "./Money.js"
import { ChargeId } from "./Payment.js"

export const OrderId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("OrderId"))
export type OrderId = typeof OrderId.Type

/** A line of a placed order, priced as it was at checkout. `backordered`: not in stock when ordered. */
export class OrderLine extends Schema.Class<OrderLine>("OrderLine")({
  sku: Sku,
  name: Schema.String,
  unitPrice: Money,
  quantity: Schema.Int.pipe(Schema.positive()),
  backordered: Schema.Boolean
}) {}

/** A placed order: paid (`chargeId`), its stock committed, its confirmation on its way. One per checkout key. */
export class Order extends Schema.Class<Order>("Order")({
  id: OrderId,
  tenantId: TenantId,
  checkoutKey: CheckoutKey,
  customerId: CustomerId,
  lines: Schema.NonEmptyArray(OrderLine),
  total: Money,
  confirmation: ConfirmationKind,
  chargeId: ChargeId,
  placedAt: Schema.DateTimeUtc
}) {}
