import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { CancellationRequested } from "../../domain/fulfilment/DropshipEvents.js"
import { cancellationToVendor, dropshipAudit } from "../../domain/fulfilment/DropshipIntents.js"
import { Cancelled } from "../../domain/fulfilment/DropshipOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { applyDropshipEvent } from "./applyDropshipEvent.js"
import { CallbackTokens } from "./CallbackTokens.js"
import { cancelPurchaseOrder } from "./cancelPurchaseOrder.js"
import { signalDropship } from "./DropshipWorkflow.js"

/**
 * Cancels a dropship line (`supply.dropship`) before anything shipped: in one unit of work the
 * record is cancelled, the purchase order cancelled, the callback tokens revoked and the vendor
 * told; then the workflow is woken and ends `Cancelled`. Once any quantity shipped it is refused
 * with `AlreadyShipped` (the return path applies). `Cancelled | AlreadyShipped |
 * InvalidDropshipTransition | NotFound` or a refusal.
 */
export const cancelDropship = fn("Fulfilment.cancelDropship")(function*(
  actor: Actor,
  tenantId: TenantId,
  salesOrderId: SalesOrderId,
  lineNo: number,
  reason: string
) {
  const refused = yield* authorize(actor, "supply.dropship", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const ref = { tenantId, salesOrderId, lineNo }
  const applied = yield* applyDropshipEvent(ref, new CancellationRequested({ reason }), (before, after) =>
    Effect.gen(function*() {
      if (before.state !== "Placing") {
        yield* cancelPurchaseOrder(tenantId, after.purchaseOrderId)
        yield* (yield* Notifications).emit(cancellationToVendor(after))
      }
      yield* (yield* CallbackTokens).revoke(ref, yield* DateTime.now)
      yield* (yield* AuditTrail).record(dropshipAudit("supply.dropship.cancel", actor, after, "Cancelled", { reason }))
      return Option.none<never>()
    }))
  if (Either.isLeft(applied)) {
    if (applied.left._tag === "OverShipment") return yield* Effect.die(new InvariantViolation({ message: "a cancellation ships nothing" }))
    if (applied.left._tag !== "NotFound") yield* (yield* AuditTrail).record(dropshipAudit("supply.dropship.cancel", actor, ref, applied.left._tag))
    return applied.left
  }
  yield* signalDropship(ref, applied.right.signals)
  return new Cancelled({ reason })
})
