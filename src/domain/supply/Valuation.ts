import { Either } from "effect"
import type { Day } from "./Calendar.js"
import type { Sku } from "./Ids.js"
import { isTransfer, ItemValuation, type StockMovement, ValuationEntry, type ValuationKind } from "./Ledger.js"
import type { CurrencyCode } from "./Money.js"

/** The value of `quantity` units at the moving average, rounded half up; the last units take the rest exactly. */
export const costAtAverage = (valuation: ItemValuation, quantity: number): number => {
  if (quantity >= valuation.quantity) return valuation.value
  const q = BigInt(valuation.quantity)
  return Number((BigInt(valuation.value) * BigInt(quantity) * 2n + q) / (2n * q))
}

export const emptyValuation = (sku: Sku, currency: CurrencyCode) => new ItemValuation({ sku, currency, quantity: 0, value: 0 }, true)

export interface Valued {
  readonly valuation: ItemValuation
  readonly entry: ValuationEntry | undefined
}

const entry = (
  valuation: ItemValuation,
  kind: ValuationKind,
  quantity: number,
  inventory: number,
  cogs: number,
  reference: string,
  occurredOn: Day
) => new ValuationEntry({ sku: valuation.sku, kind, quantity, inventory, cogs, currency: valuation.currency, reference, occurredOn }, true)

/**
 * Values a stock movement at moving-average cost (AVCO). Inbound at its unit cost (or, without
 * one, at the current average); outbound at the current average, to cost of goods sold (a
 * vendor return takes its value back off inventory without touching COGS). Transfers change
 * nothing. Refused, with the reason: stock going below zero, or inbound without a cost to use.
 */
export const valueMovement = (current: ItemValuation, movement: StockMovement): Either.Either<Valued, string> => {
  if (isTransfer(movement.kind)) return Either.right({ valuation: current, entry: undefined })
  const { occurredOn, quantity, reference } = movement
  if (quantity > 0) {
    if (movement.unitCost === undefined && current.quantity <= 0) {
      return Either.left(`${movement.sku}: an inbound ${movement.kind} needs a unit cost when there is no stock to average`)
    }
    const value = movement.unitCost === undefined
      ? Number((BigInt(current.value) * BigInt(quantity) * 2n + BigInt(current.quantity)) / (2n * BigInt(current.quantity)))
      : movement.unitCost * quantity
    const valuation = new ItemValuation({ ...current, quantity: current.quantity + quantity, value: current.value + value }, true)
    const kind: ValuationKind = movement.kind === "receipt" ? "receipt" : movement.kind === "customer-return" ? "return" : "adjustment"
    return Either.right({ valuation, entry: entry(valuation, kind, quantity, value, kind === "return" ? -value : 0, reference, occurredOn) })
  }
  const out = -quantity
  if (out > current.quantity) {
    return Either.left(`${movement.sku}: ${out} to issue but ${current.quantity} in stock across the tenant`)
  }
  const cost = costAtAverage(current, out)
  const valuation = new ItemValuation({ ...current, quantity: current.quantity - out, value: current.value - cost }, true)
  const kind: ValuationKind = movement.kind === "adjustment" ? "adjustment" : movement.kind === "vendor-return" ? "return" : "issue"
  return Either.right({ valuation, entry: entry(valuation, kind, quantity, -cost, movement.kind === "vendor-return" ? 0 : cost, reference, occurredOn) })
}
