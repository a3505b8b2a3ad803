import { Schema } from "effect"

/** An ISO 4217 currency code. */
export const CurrencyCode = Schema.String.pipe(Schema.pattern(/^[A-Z]{3}$/), Schema.brand("CurrencyCode"))
export type CurrencyCode = typeof CurrencyCode.Type

/** An exact amount in the currency's minor units (cents for EUR, yen for JPY): a safe integer. */
export const MinorUnits = Schema.Int.annotations({ description: "an amount in the currency's minor units (a safe integer)" })

/** Money is exact: an integer number of minor units in a currency, never a floating-point amount. */
export class Money extends Schema.Class<Money>("Money")({
  amount: MinorUnits,
  currency: CurrencyCode
}) {
  static readonly zero = (currency: CurrencyCode) => new Money({ amount: 0, currency })
}

const exponents: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 }

/** The number of decimals of a currency's minor unit (2 unless listed otherwise). */
export const exponentOf = (currency: CurrencyCode): number => exponents[currency] ?? 2

/** An integer scaled by 10^decimals as an exact decimal string (`12345`, 2 → `"123.45"`). */
export const formatDecimal = (scaled: number | bigint, decimals: number): string => {
  const value = BigInt(scaled)
  const sign = value < 0n ? "-" : ""
  const digits = (value < 0n ? -value : value).toString().padStart(decimals + 1, "0")
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
}

/** Minor units as a decimal string in major units (`12345` EUR → `"123.45"`), exactly. */
export const formatMinor = (amount: number | bigint, currency: CurrencyCode): string => formatDecimal(amount, exponentOf(currency))

/** The sum of amounts of one currency; `undefined` when currencies differ. */
export const sumMoney = (currency: CurrencyCode, amounts: ReadonlyArray<Money>): Money | undefined =>
  amounts.every((m) => m.currency === currency)
    ? new Money({ amount: amounts.reduce((total, m) => total + m.amount, 0), currency })
    : undefined
