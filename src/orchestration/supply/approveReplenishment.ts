import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { type ApprovalLine, draftPurchaseOrder, selectSuggestions, vendorGroups } from "../../domain/supply/Approval.js"
import type { WarehouseId } from "../../domain/supply/Ids.js"
import { PurchaseOrdersDrafted } from "../../domain/supply/Outcomes.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Procurement } from "./Procurement.js"
import { transactionally } from "./Rollback.js"
import { replenishmentPlan } from "./suggestReplenishment.js"

/**
 * Turns a warehouse's current suggestions (all, or the lines named, with the planner's
 * quantities) into draft purchase orders, one per vendor. Suggestions are computed afresh inside
 * the unit of work; drafts count as on order, so approving twice suggests nothing the second
 * time. `PurchaseOrdersDrafted | NothingToSuggest | ValidationFailed | NotFound | Refusal`;
 * every draft is audited.
 */
export const approveReplenishment = fn("Supply.approveReplenishment")(function*(
  actor: Actor,
  tenant: TenantId,
  input: { readonly warehouseId: WarehouseId; readonly lines?: ReadonlyArray<ApprovalLine> | undefined }
) {
  const refused = yield* authorize(actor, "supply.approve", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const auditTrail = yield* AuditTrail
  const ids = yield* Ids
  return yield* transactionally(Effect.gen(function*() {
    const plan = yield* replenishmentPlan(tenant, input.warehouseId)
    if (plan._tag !== "Suggestions") return plan
    const selected = selectSuggestions(plan.suggestions, input.lines)
    if (Either.isLeft(selected)) return new ValidationFailed({ issues: selected.left })
    const orders = yield* Effect.forEach(vendorGroups(selected.right), (group) =>
      Effect.map(ids.next, (id) => draftPurchaseOrder(`PO-${id}`, group, plan.today)))
    yield* (yield* Procurement).putPurchaseOrders(tenant, orders)
    for (const order of orders) {
      const value = order.lines.reduce((total, l) => total + l.quantity * l.unitPrice, 0)
      yield* auditTrail.record(supplyAudit("supply.replenishment.approve", actor, tenant, "PurchaseOrderDrafted", {
        target: { type: "purchase-order", id: order.id },
        details: { vendorId: order.vendorId, warehouseId: input.warehouseId, lines: order.lines.length, value, currency: order.currency }
      }))
    }
    return new PurchaseOrdersDrafted({ orders })
  }))
})
