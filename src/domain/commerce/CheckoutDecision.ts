import { Array as Arr, type DateTime, Option, Schema } from "effect"
import type { TenantId } from "../shared/Ids.js"
import { CartItem, type CartLine, Sku } from "./Cart.js"
import type { CheckoutKey } from "./Checkout.js"
import { CheckoutRejected, InsufficientStock } from "./CheckoutOutcomes.js"
import {
  backorderAllowed,
  calculateTotal,
  type CheckoutLimits,
  ConfirmationKind,
  confirmationKind,
  validateCheckout
} from "./CheckoutRules.js"
import type { Customer, CustomerId } from "./Customer.js"
import { CustomerTier } from "./Customer.js"
import { Money } from "./Money.js"
import { Order, type OrderId, OrderLine } from "./Order.js"
import type { Charged } from "./Payment.js"
import { ReservationId, shortages, type StockLevel } from "./Stock.js"
import { AmountTooLarge, UnknownCustomer, UnknownProduct } from "./Violations.js"

/**
 * The checkout may proceed: these priced items, this total, reserved normally or (premium) with
 * backorder, and the confirmation the order will get.
 */
export class ReadyToReserve extends Schema.TaggedClass<ReadyToReserve>()("ReadyToReserve", {
  items: Schema.NonEmptyArray(CartItem),
  total: Money,
  tier: CustomerTier,
  backorder: Schema.Boolean,
  confirmation: ConfirmationKind
}) {}

/**
 * The values below are built from parts already validated (decoded rows, checked rules), so they
 * are not validated again: Effect's class constructors rebuild their validator on every call when
 * a field is itself a class or a transformation, which cost a fifth of a checkout's CPU.
 */
const validated = { disableValidation: true } as const

export interface CheckoutFacts {
  readonly customerId: CustomerId
  readonly customer: Option.Option<Customer>
  readonly lines: ReadonlyArray<CartLine>
  /** The catalogue entries of the lines' products that exist. */
  readonly levels: ReadonlyArray<StockLevel>
  readonly limits: CheckoutLimits
}

const priced = (line: CartLine, level: StockLevel) =>
  new CartItem({ sku: line.sku, name: level.name, unitPrice: level.unitPrice, quantity: line.quantity }, validated)

/**
 * Decides a checkout from what is known of it: an unknown customer or product rejects it at once;
 * otherwise every rule of `validateCheckout` applies; then a standard customer needs every unit
 * available, while a premium customer may backorder what is short.
 */
export const decideCheckout = (facts: CheckoutFacts): CheckoutRejected | InsufficientStock | ReadyToReserve => {
  const levelOf = (line: CartLine) => Arr.findFirst(facts.levels, (level) => level.sku === line.sku)
  const unknown = facts.lines.filter((line) => Option.isNone(levelOf(line))).map((line) => new UnknownProduct({ sku: line.sku }))
  if (Option.isNone(facts.customer) || unknown.length > 0) {
    const customer = Option.isNone(facts.customer) ? [new UnknownCustomer({ customerId: facts.customerId })] : []
    return new CheckoutRejected({ violations: [...customer, ...Arr.dedupeWith(unknown, (a, b) => a.sku === b.sku)] })
  }
  const customer = facts.customer.value
  const items = facts.lines.flatMap((line) => Option.toArray(Option.map(levelOf(line), (level) => priced(line, level))))
  const violations = validateCheckout(customer, items, facts.limits)
  if (violations.length > 0) return new CheckoutRejected({ violations })
  const total = calculateTotal(items)
  if (!Arr.isNonEmptyReadonlyArray(items) || Option.isNone(total)) return new CheckoutRejected({ violations: [new AmountTooLarge()] })
  const available = (sku: string) => Option.match(Arr.findFirst(facts.levels, (l) => l.sku === sku), { onNone: () => 0, onSome: (l) => l.available })
  const short = shortages(items, available)
  const backorder = backorderAllowed(customer.tier)
  if (short.length > 0 && !backorder) return new InsufficientStock({ skus: short })
  const confirmation = confirmationKind(total.value, customer.tier, facts.limits.premiumAbove)
  return new ReadyToReserve({ items, total: total.value, tier: customer.tier, backorder, confirmation }, validated)
}

/** The checkout's stock is set aside: what was decided, under which reservation, and what was backordered. */
export class StockReserved extends Schema.TaggedClass<StockReserved>()("StockReserved", {
  ready: ReadyToReserve,
  reservationId: ReservationId,
  backordered: Schema.Array(Sku)
}) {}

/** The order a paid checkout becomes: its priced lines (flagged when backordered), total and confirmation. */
export const orderFor = (placing: {
  readonly id: OrderId
  readonly tenantId: TenantId
  readonly key: CheckoutKey
  readonly customerId: CustomerId
  readonly reserved: StockReserved
  readonly charge: Charged
  readonly placedAt: DateTime.Utc
}): Order => {
  const { ready } = placing.reserved
  return new Order({
    id: placing.id,
    tenantId: placing.tenantId,
    checkoutKey: placing.key,
    customerId: placing.customerId,
    lines: Arr.map(ready.items, (item) =>
      new OrderLine({ ...item, backordered: placing.reserved.backordered.includes(item.sku) }, validated)),
    total: ready.total,
    confirmation: ready.confirmation,
    chargeId: placing.charge.chargeId,
    placedAt: placing.placedAt
  }, validated)
}
