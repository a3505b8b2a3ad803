import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { TransferOrderId } from "../../domain/supply/Ids.js"
import { StockMovement } from "../../domain/supply/Ledger.js"
import { TransferReceived } from "../../domain/supply/Outcomes.js"
import { ValuationCurrency } from "../../domain/supply/Parameters.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import { transition } from "../../domain/supply/TransferOrder.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { postStock } from "./postStock.js"
import { Rollback, today, transactionally } from "./Rollback.js"
import { transferConflict } from "./transferConflict.js"
import { Warehouses } from "./Warehouses.js"

/**
 * Receives a shipped transfer into its destination. `TransferReceived |
 * InvalidTransferTransition | NotFound | Refusal`; audited.
 */
export const receiveTransfer = fn("Supply.receiveTransfer")(function*(actor: Actor, tenant: TenantId, id: TransferOrderId) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const warehouses = yield* Warehouses
  const found = yield* warehouses.transfer(tenant, id)
  if (Option.isNone(found)) return new NotFound({ entity: "transfer", id })
  const on = yield* today
  const received = transition(found.value, { _tag: "Receive", on })
  if (Either.isLeft(received)) return received.left
  const currency = yield* (yield* Settings).get(ValuationCurrency, tenant)
  const auditTrail = yield* AuditTrail
  return yield* transactionally(Effect.gen(function*() {
    const order = received.right
    const movement = new StockMovement({ sku: order.sku, warehouseId: order.to, quantity: order.quantity, kind: "transfer-in", reference: `transfer:${id}`, occurredOn: on })
    const posted = yield* postStock(tenant, [movement], currency)
    if (Either.isLeft(posted)) return yield* new Rollback({ outcome: new ValidationFailed({ issues: posted.left }) })
    if (!(yield* warehouses.updateTransfer(tenant, order, "shipped"))) return yield* new Rollback({ outcome: yield* transferConflict(tenant, id, "Receive") })
    yield* auditTrail.record(supplyAudit("supply.transfer.receive", actor, tenant, "TransferReceived", { target: { type: "transfer", id } }))
    return new TransferReceived({ transfer: order })
  }))
})
