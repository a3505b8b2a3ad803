import { Option } from "effect"
import { PurchaseOrder } from "../../domain/supply/Documents.js"
import type { PurchaseOrderId } from "../../domain/supply/Ids.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { fn } from "../shared/Fn.js"
import { Procurement } from "../supply/Procurement.js"

/** Cancels a purchase order still open (draft or confirmed); does nothing to one received, cancelled or absent. */
export const cancelPurchaseOrder = fn("Fulfilment.cancelPurchaseOrder")(function*(tenant: TenantId, id: PurchaseOrderId) {
  const procurement = yield* Procurement
  const order = yield* procurement.purchaseOrder(tenant, id)
  if (Option.isNone(order) || order.value.status === "received" || order.value.status === "cancelled") return
  yield* procurement.putPurchaseOrders(tenant, [new PurchaseOrder({ ...order.value, status: "cancelled" })])
})
