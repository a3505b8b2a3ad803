import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { TransferOrderId } from "../../domain/supply/Ids.js"
import { TransferReleased } from "../../domain/supply/Outcomes.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import { transition } from "../../domain/supply/TransferOrder.js"
import { actorRef, type Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Rollback, transactionally } from "./Rollback.js"
import { transferConflict } from "./transferConflict.js"
import { Warehouses } from "./Warehouses.js"

/**
 * Cancels a reserved transfer: the reservation at the source is released (a shipped transfer
 * must be received). `TransferReleased | InvalidTransferTransition | NotFound | Refusal`; audited.
 */
export const cancelTransfer = fn("Supply.cancelTransfer")(function*(actor: Actor, tenant: TenantId, id: TransferOrderId, reason: string) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const warehouses = yield* Warehouses
  const found = yield* warehouses.transfer(tenant, id)
  if (Option.isNone(found)) return new NotFound({ entity: "transfer", id })
  const released = transition(found.value, { _tag: "Release", reason: `cancelled by ${actorRef(actor)}: ${reason}` })
  if (Either.isLeft(released)) return released.left
  const auditTrail = yield* AuditTrail
  return yield* transactionally(Effect.gen(function*() {
    if (!(yield* warehouses.updateTransfer(tenant, released.right, "reserved"))) return yield* new Rollback({ outcome: yield* transferConflict(tenant, id, "Release") })
    yield* auditTrail.record(supplyAudit("supply.transfer.cancel", actor, tenant, "TransferReleased", { target: { type: "transfer", id }, reason }))
    return new TransferReleased({ transfer: released.right })
  }))
})
