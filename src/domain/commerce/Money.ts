import { Schema } from "effect"

/** An ISO 4217 alphabetic currency code, e.g. `EUR`. */
export const CurrencyCode = Schema.String.pipe(Schema.pattern(/^[A-Z]{3}$/), Schema.brand("CurrencyCode"))
export type CurrencyCode = typeof CurrencyCode.Type

/**
 * An exact amount of money: an integer count of the currency's minor units (cents for EUR, yen
 * for JPY) with its currency. Never a floating-point fraction; amounts stay within the safe
 * integer range (`validateCheckout` refuses carts whose total would leave it).
 */
export class Money extends Schema.Class<Money>("Money")({
  amount: Schema.Int,
  currency: CurrencyCode
}) {
  static readonly zero = (currency: CurrencyCode): Money => new Money({ amount: 0, currency })
}

/** A unit price: a positive amount, no larger than 10^9 minor units, as catalogue entries hold. */
export const UnitPrice = Schema.Struct({
  amount: Schema.Int.pipe(Schema.between(1, 1_000_000_000)),
  currency: CurrencyCode
})

/** The exact product `unit × quantity` as a big integer (never rounded). */
export const lineAmount = (unit: Money, quantity: number): bigint => BigInt(unit.amount) * BigInt(quantity)

