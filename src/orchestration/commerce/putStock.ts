import { Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { StockUpdated } from "../../domain/commerce/CatalogueOutcomes.js"
import type { StockItem } from "../../domain/commerce/Stock.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Inventory } from "./Inventory.js"

/** Sets a product's catalogue entry and units on hand (`commerce.manage`), audited: `StockUpdated` or a refusal. */
export const putStock = fn("Commerce.putStock")(function*(actor: Actor, tenantId: TenantId, item: StockItem) {
  const refused = yield* authorize(actor, "commerce.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const [inventory, auditTrail] = yield* Effect.all([Inventory, AuditTrail])
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* inventory.put(tenantId, item)
    yield* auditTrail.record(
      new AuditIntent({
        action: "commerce.inventory.put",
        actor,
        outcome: "StockUpdated",
        target: new AuditTarget({ type: "product", id: item.sku }),
        tenantId,
        details: { onHand: item.onHand, amount: item.unitPrice.amount, currency: item.unitPrice.currency }
      })
    )
  }))
  return new StockUpdated({ item })
})
