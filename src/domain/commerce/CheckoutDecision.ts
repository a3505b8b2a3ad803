import { Array as Arr, Option, Schema } from "effect"
import { CartItem, type CartLine } from "./Cart.js"
import { CheckoutRejected, InsufficientStock } from "./CheckoutOutcomes.js"
import { backorderAllowed, calculateTotal, type CheckoutLimits, validateCheckout } from "./CheckoutRules.js"
import type { Customer, CustomerId } from "./Customer.js"
import { CustomerTier } from "./Customer.js"
import { Money } from "./Money.js"
import { shortages, type StockLevel } from "./Stock.js"
import { AmountTooLarge, UnknownCustomer, UnknownProduct } from "./Violations.js"

/** The checkout may proceed: these priced items, this total, reserved normally or (premium) with backorder. */
export class ReadyToReserve extends Schema.TaggedClass<ReadyToReserve>()("ReadyToReserve", {
  items: Schema.NonEmptyArray(CartItem),
  total: Money,
  tier: CustomerTier,
  backorder: Schema.Boolean
}) {}

export interface CheckoutFacts {
  readonly customerId: CustomerId
  readonly customer: Option.Option<Customer>
  readonly lines: ReadonlyArray<CartLine>
  /** The catalogue entries of the lines' products that exist. */
  readonly levels: ReadonlyArray<StockLevel>
  readonly limits: CheckoutLimits
}

const priced = (line: CartLine, level: StockLevel) =>
  new CartItem({ sku: line.sku, name: level.name, unitPrice: level.unitPrice, quantity: line.quantity })

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
  return new ReadyToReserve({ items, total: total.value, tier: customer.tier, backorder })
}
