import { Array as Arr, Option, Schema } from "effect"
import type { CartItem } from "./Cart.js"
import type { Customer, CustomerTier } from "./Customer.js"
import { lineAmount, Money } from "./Money.js"
import {
  AmountTooLarge,
  CustomerNotVerified,
  DuplicateSku,
  EmptyCart,
  MixedCurrencies,
  NonPositivePrice,
  NonPositiveQuantity,
  TooManyLines,
  type Violation
} from "./Violations.js"

/** The tenant's checkout limits, read from its settings. */
export interface CheckoutLimits {
  /** The most lines a cart may have (`commerce.checkout.maxLines`, default 10). */
  readonly maxLines: number
  /** A total above this many minor units earns a premium confirmation (`commerce.confirmation.premiumAbove`, default 100000). */
  readonly premiumAbove: number
}

/** How an order is confirmed to the customer. */
export const ConfirmationKind = Schema.Literal("standard", "premium")
export type ConfirmationKind = typeof ConfirmationKind.Type

const exactSum = (items: ReadonlyArray<CartItem>): bigint =>
  items.reduce((sum, item) => sum + lineAmount(item.unitPrice, item.quantity), 0n)

const currenciesOf = (items: ReadonlyArray<CartItem>) => Arr.dedupe(items.map((item) => item.unitPrice.currency))

const duplicatesOf = (items: ReadonlyArray<CartItem>) =>
  Arr.dedupe(items.map((item) => item.sku).filter((sku, index, all) => all.indexOf(sku) !== index))

/**
 * Every reason the customer may not check out these items, in a stable order (customer, cart,
 * lines, currency, amount); empty when the checkout may proceed. Total: it never throws.
 */
export const validateCheckout = (
  customer: Customer,
  items: ReadonlyArray<CartItem>,
  limits: Pick<CheckoutLimits, "maxLines">
): ReadonlyArray<Violation> => {
  const currencies = currenciesOf(items)
  return [
    ...(customer.verified ? [] : [new CustomerNotVerified({ customerId: customer.id })]),
    ...(items.length === 0 ? [new EmptyCart()] : []),
    ...(items.length > limits.maxLines ? [new TooManyLines({ lines: items.length, max: limits.maxLines })] : []),
    ...duplicatesOf(items).map((sku) => new DuplicateSku({ sku })),
    ...items.filter((item) => item.unitPrice.amount <= 0).map((item) => new NonPositivePrice({ sku: item.sku })),
    ...items.filter((item) => item.quantity <= 0).map((item) => new NonPositiveQuantity({ sku: item.sku })),
    ...(currencies.length > 1 ? [new MixedCurrencies({ currencies })] : []),
    ...(exactSum(items) > BigInt(Number.MAX_SAFE_INTEGER) ? [new AmountTooLarge()] : [])
  ]
}

/**
 * The exact total of the items: `none` when it is not defined (no item, several currencies) or
 * not exactly representable. Computed on big integers, so no line or partial sum is rounded.
 */
export const calculateTotal = (items: ReadonlyArray<CartItem>): Option.Option<Money> => {
  const [currency, ...others] = currenciesOf(items)
  const sum = exactSum(items)
  if (currency === undefined || others.length > 0) return Option.none()
  if (sum > BigInt(Number.MAX_SAFE_INTEGER) || sum < BigInt(Number.MIN_SAFE_INTEGER)) return Option.none()
  return Option.some(new Money({ amount: Number(sum), currency }))
}

/** Premium when the total exceeds the threshold (in the total's minor units) or the customer is premium. */
export const confirmationKind = (total: Money, tier: CustomerTier, premiumAbove: number): ConfirmationKind =>
  total.amount > premiumAbove || tier === "premium" ? "premium" : "standard"

/** Premium customers may order what is out of stock (it is backordered); standard ones may not. */
export const backorderAllowed = (tier: CustomerTier): boolean => tier === "premium"
