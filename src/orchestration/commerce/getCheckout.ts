import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { CheckoutKey } from "../../domain/commerce/Checkout.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Orders } from "./Orders.js"

/** Where the tenant's checkout of that key stands (`commerce.read`): `Checkout | NotFound` or a refusal. */
export const getCheckout = fn("Commerce.getCheckout")(function*(actor: Actor, tenantId: TenantId, key: CheckoutKey) {
  const refused = yield* authorize(actor, "commerce.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const checkout = yield* (yield* Orders).findCheckout(tenantId, key)
  return Option.getOrElse(checkout, () => new NotFound({ entity: "checkout", id: key }))
})
