import { Either } from "effect"
import type { Sku } from "../../domain/supply/Ids.js"
import type { StockMovement } from "../../domain/supply/Ledger.js"
import type { CurrencyCode } from "../../domain/supply/Money.js"
import { planPosting, stockKey } from "../../domain/supply/Posting.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"

/**
 * Posts movements to the inventory ledger with their valuation, inside the caller's unit of
 * work: reads the items' on-hand and (locked) valuations, plans the posting (pure), and writes
 * it only when every movement is acceptable. Returns the posting, or every issue (nothing written).
 */
export const postStock = fn("Supply.postStock")(function*(
  tenant: TenantId,
  movements: ReadonlyArray<StockMovement>,
  currency: CurrencyCode,
  path = "movements"
) {
  const ledger = yield* InventoryLedger
  const skus: ReadonlyArray<Sku> = [...new Set(movements.map((m) => m.sku))]
  if (skus.length === 0) return Either.right({ movements, valuations: [], entries: [] })
  const valuations = yield* ledger.valuations(tenant, skus, true)
  const levels = yield* ledger.onHand(tenant, { skus })
  const planned = planPosting(
    movements,
    new Map(levels.map((l) => [stockKey(l.sku, l.warehouseId), l.onHand])),
    new Map(valuations.map((v) => [v.sku, v])),
    currency,
    path
  )
  if (Either.isRight(planned)) yield* ledger.post(tenant, planned.right)
  return planned
})
