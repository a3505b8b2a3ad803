import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AlreadyPosted, ReceiptPosted } from "../../domain/supply/Outcomes.js"
import { applyReceipt, completeReceipt, type ReceiptInput, receiptMovements, validateReceipt } from "../../domain/supply/Receiving.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { knownCodes } from "./loadSupplyData.js"
import { postStock } from "./postStock.js"
import { Procurement } from "./Procurement.js"
import { Rollback, transactionally } from "./Rollback.js"

/**
 * Posts a goods receipt: stock in at the lines' unit costs (moving average updated), the
 * purchase order's lines received. `ReceiptPosted | AlreadyPosted | ValidationFailed |
 * NotFound` (the purchase order) `| Refusal`; audited.
 */
export const postReceipt = fn("Supply.postReceipt")(function*(actor: Actor, tenant: TenantId, input: ReceiptInput) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const procurement = yield* Procurement
  if (Option.isSome(yield* procurement.receipt(tenant, input.id))) return new AlreadyPosted({ receiptId: input.id })
  const order = input.purchaseOrderId === undefined ? Option.none() : yield* procurement.purchaseOrder(tenant, input.purchaseOrderId)
  if (input.purchaseOrderId !== undefined && Option.isNone(order)) return new NotFound({ entity: "purchase order", id: input.purchaseOrderId })
  const known = yield* knownCodes(tenant)
  const context = { warehouseKnown: known.warehouses.has(input.warehouseId), vendorKnown: known.vendors.has(input.vendorId), skus: known.skus, order: Option.getOrUndefined(order) }
  const issues = validateReceipt(input, context)
  if (issues.length > 0) return new ValidationFailed({ issues })
  const items = yield* (yield* InventoryLedger).items(tenant, input.lines.map((l) => l.sku))
  const receipt = completeReceipt(input, new Map(items.map((i) => [i.sku, i])))
  const auditTrail = yield* AuditTrail
  return yield* transactionally(Effect.gen(function*() {
    if (!(yield* procurement.recordReceipt(tenant, receipt))) return yield* new Rollback({ outcome: new AlreadyPosted({ receiptId: receipt.id }) })
    const posted = yield* postStock(tenant, receiptMovements(receipt), receipt.currency, "lines")
    if (Either.isLeft(posted)) return yield* new Rollback({ outcome: new ValidationFailed({ issues: posted.left }) })
    if (Option.isSome(order)) yield* procurement.putPurchaseOrders(tenant, [applyReceipt(order.value, receipt)])
    const outcome = new ReceiptPosted({ receipt, valuations: posted.right.valuations })
    yield* auditTrail.record(supplyAudit("supply.receipt.post", actor, tenant, outcome._tag, { target: { type: "receipt", id: receipt.id } }))
    return outcome
  }))
})
