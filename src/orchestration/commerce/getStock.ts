import { DateTime, Option, Array as Arr } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { Sku } from "../../domain/commerce/Cart.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Inventory } from "./Inventory.js"

/** A product's catalogue entry with its units on hand and available now (`commerce.read`): `StockLevel | NotFound` or a refusal. */
export const getStock = fn("Commerce.getStock")(function*(actor: Actor, tenantId: TenantId, sku: Sku) {
  const refused = yield* authorize(actor, "commerce.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const levels = yield* (yield* Inventory).levels(tenantId, [sku], yield* DateTime.now)
  return Option.getOrElse(Arr.head(levels), () => new NotFound({ entity: "product", id: sku }))
})
