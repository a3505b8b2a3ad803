import { Either } from "effect"
import { Issue } from "../shared/Outcomes.js"
import type { ItemValuation, StockMovement, ValuationEntry } from "./Ledger.js"
import { signFits } from "./Ledger.js"
import type { CurrencyCode } from "./Money.js"
import { emptyValuation, valueMovement } from "./Valuation.js"

/** What a batch of movements does to the valuation: the items' new valuations and the journal entries. */
export interface PlannedPosting {
  readonly movements: ReadonlyArray<StockMovement>
  readonly valuations: ReadonlyArray<ItemValuation>
  readonly entries: ReadonlyArray<ValuationEntry>
}

/** The key of an item at a warehouse in an on-hand map. */
export const stockKey = (sku: string, warehouseId: string) => `${sku}\u0000${warehouseId}`

/**
 * Plans the posting of movements in order, against the current on-hand (per item and
 * warehouse) and valuations: every movement's sign must fit its kind, no warehouse may go below
 * zero, an inbound movement needs a cost unless there is stock to average, and an item's
 * valuation currency never changes. Every problem is reported with its movement's index.
 */
export const planPosting = (
  movements: ReadonlyArray<StockMovement>,
  onHand: ReadonlyMap<string, number>,
  valuations: ReadonlyMap<string, ItemValuation>,
  currency: CurrencyCode,
  path = "movements"
): Either.Either<PlannedPosting, ReadonlyArray<Issue>> => {
  const stock = new Map(onHand)
  const values = new Map(valuations)
  const entries: Array<ValuationEntry> = []
  const issues: Array<Issue> = []
  movements.forEach((m, i) => {
    const at = `${path}[${i}]`
    if (!signFits(m.kind, m.quantity)) return issues.push(new Issue({ path: `${at}.quantity`, message: `a ${m.kind} cannot move ${m.quantity}` }))
    const key = stockKey(m.sku, m.warehouseId)
    const level = (stock.get(key) ?? 0) + m.quantity
    if (level < 0) {
      return issues.push(new Issue({ path: `${at}.quantity`, message: `${m.sku} at ${m.warehouseId}: ${-m.quantity} out, ${level - m.quantity} on hand` }))
    }
    const current = values.get(m.sku) ?? emptyValuation(m.sku, currency)
    if (current.currency !== currency && !(m.kind === "transfer-in" || m.kind === "transfer-out")) {
      return issues.push(new Issue({ path: at, message: `${m.sku} is valued in ${current.currency}, not ${currency}` }))
    }
    const valued = valueMovement(current, m)
    if (Either.isLeft(valued)) return issues.push(new Issue({ path: at, message: valued.left }))
    stock.set(key, level)
    values.set(m.sku, valued.right.valuation)
    if (valued.right.entry !== undefined) entries.push(valued.right.entry)
  })
  if (issues.length > 0) return Either.left(issues)
  const touched = new Set(movements.map((m) => m.sku))
  return Either.right({ movements, valuations: [...values.values()].filter((v) => touched.has(v.sku)), entries })
}
