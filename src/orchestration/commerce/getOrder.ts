import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { OrderId } from "../../domain/commerce/Order.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Orders } from "./Orders.js"

/** The tenant's order (`commerce.read`): `Order | NotFound` or a refusal. */
export const getOrder = fn("Commerce.getOrder")(function*(actor: Actor, tenantId: TenantId, orderId: OrderId) {
  const refused = yield* authorize(actor, "commerce.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const order = yield* (yield* Orders).find(tenantId, orderId)
  return Option.getOrElse(order, () => new NotFound({ entity: "order", id: orderId }))
})
