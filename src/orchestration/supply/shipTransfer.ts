import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { TransferOrderId } from "../../domain/supply/Ids.js"
import { StockMovement } from "../../domain/supply/Ledger.js"
import { ShipmentRefused, TransferShipped } from "../../domain/supply/Outcomes.js"
import { ValuationCurrency } from "../../domain/supply/Parameters.js"
import { operationsNotice, supplyAudit } from "../../domain/supply/SupplyIntents.js"
import { reservedAtSource, transition } from "../../domain/supply/TransferOrder.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { postStock } from "./postStock.js"
import { Rollback, today, transactionally } from "./Rollback.js"
import { transferConflict } from "./transferConflict.js"
import { Warehouses } from "./Warehouses.js"

/**
 * Ships a reserved transfer: the quantity leaves the source (in transit until received). When
 * the source no longer holds it beside its other reservations (a count found less), the
 * shipment is refused, the reservation released and operations notified. `TransferShipped | ShipmentRefused |
 * InvalidTransferTransition | NotFound | Refusal`; audited.
 */
export const shipTransfer = fn("Supply.shipTransfer")(function*(actor: Actor, tenant: TenantId, id: TransferOrderId) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const warehouses = yield* Warehouses
  const found = yield* warehouses.transfer(tenant, id)
  if (Option.isNone(found)) return new NotFound({ entity: "transfer", id })
  const order = found.value
  const on = yield* today
  const shipped = transition(order, { _tag: "Ship", on })
  if (Either.isLeft(shipped)) return shipped.left
  const currency = yield* (yield* Settings).get(ValuationCurrency, tenant)
  const auditTrail = yield* AuditTrail
  const target = { type: "transfer", id }
  return yield* transactionally(Effect.gen(function*() {
    const onHand = (yield* (yield* InventoryLedger).onHand(tenant, { skus: [order.sku], warehouseId: order.from })).reduce((t, l) => t + l.onHand, 0)
    const others = (yield* warehouses.transfers(tenant, { statuses: ["reserved"], skus: [order.sku], warehouseId: order.from }))
      .filter((t) => t.from === order.from && t.id !== order.id).reduce((t, o) => t + reservedAtSource(o), 0)
    const available = Math.max(0, onHand - others)
    if (available < order.quantity) {
      const released = transition(order, { _tag: "Release", reason: `source ${order.from} holds ${available} of ${order.quantity}` })
      if (Either.isLeft(released) || !(yield* warehouses.updateTransfer(tenant, released.right, "reserved"))) {
        return yield* new Rollback({ outcome: yield* transferConflict(tenant, id, "Ship") })
      }
      yield* auditTrail.record(supplyAudit("supply.transfer.ship", actor, tenant, "ShipmentRefused", { target, reason: released.right.releaseReason ?? "" }))
      yield* (yield* Notifications).emit(operationsNotice("supply.transfer.refused", tenant, { transferId: id, sku: order.sku, from: order.from, quantity: order.quantity, available }))
      return new ShipmentRefused({ transfer: released.right, available })
    }
    const movement = new StockMovement({ sku: order.sku, warehouseId: order.from, quantity: -order.quantity, kind: "transfer-out", reference: `transfer:${id}`, occurredOn: on })
    const posted = yield* postStock(tenant, [movement], currency)
    if (Either.isLeft(posted)) return yield* new Rollback({ outcome: new ValidationFailed({ issues: posted.left }) })
    if (!(yield* warehouses.updateTransfer(tenant, shipped.right, "reserved"))) {
      return yield* new Rollback({ outcome: yield* transferConflict(tenant, id, "Ship") })
    }
    yield* auditTrail.record(supplyAudit("supply.transfer.ship", actor, tenant, "TransferShipped", { target }))
    return new TransferShipped({ transfer: shipped.right })
  }))
})
