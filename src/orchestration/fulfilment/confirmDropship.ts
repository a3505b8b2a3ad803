import { DateTime, Effect, Either, Option, Redacted } from "effect"
import { DropshipShipment, remainingOf, shippedOf } from "../../domain/fulfilment/Dropship.js"
import { ShipmentConfirmed, VendorRejection } from "../../domain/fulfilment/DropshipEvents.js"
import { dropshipAudit, rejectionNotice, remainderToVendor } from "../../domain/fulfilment/DropshipIntents.js"
import { RejectionRecorded, ShipmentRecorded, UnknownCallbackToken, type VendorCallback } from "../../domain/fulfilment/DropshipOutcomes.js"
import { SystemActor } from "../../domain/shared/Actor.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { applyDropshipEvent } from "./applyDropshipEvent.js"
import { CallbackTokens } from "./CallbackTokens.js"
import { cancelPurchaseOrder } from "./cancelPurchaseOrder.js"
import { signalDropship } from "./DropshipWorkflow.js"

/**
 * A vendor's callback with the single-use secret of its purchase order: a shipment confirmation
 * (recorded; after a partial one a new token for the rest is issued, answered and sent to the
 * vendor) or a rejection (the purchase order cancelled, operations told). The token is spent in
 * the same unit of work as the change, then the workflow is woken. An unknown, spent or revoked
 * token changes nothing: `UnknownCallbackToken`; so does a refused event (`OverShipment`,
 * `AlreadyShipped`, `InvalidDropshipTransition`), which leaves the token usable.
 */
export const confirmDropship = fn("Fulfilment.confirmDropship")(function*(token: string, callback: VendorCallback) {
  const tokens = yield* CallbackTokens
  const holder = yield* tokens.find(token)
  if (Option.isNone(holder)) return new UnknownCallbackToken()
  const ref = holder.value
  const now = yield* DateTime.now
  const event = "rejected" in callback
    ? new VendorRejection({ reason: callback.rejected.reason })
    : new ShipmentConfirmed({
      shipment: new DropshipShipment({
        quantity: callback.quantity,
        carrier: callback.carrier,
        trackingNumber: callback.trackingNumber,
        shippedOn: callback.shippedOn ?? dayOfMillis(DateTime.toEpochMillis(now))
      })
    })
  let nextToken: string | undefined
  const applied = yield* applyDropshipEvent(ref, event, (_, after) =>
    Effect.gen(function*() {
      if (!(yield* tokens.spend(token, now))) return Option.some(new UnknownCallbackToken())
      nextToken = after.state === "PartiallyShipped" ? yield* tokens.issue(ref, now) : undefined
      if (nextToken !== undefined) yield* (yield* Notifications).emit(remainderToVendor(after, nextToken))
      if (after.state === "VendorRejected") {
        yield* cancelPurchaseOrder(ref.tenantId, after.purchaseOrderId)
        yield* (yield* Notifications).emit(rejectionNotice(after))
      }
      const actor = new SystemActor({ component: `vendor:${after.line.vendorId}` })
      yield* (yield* AuditTrail).record(dropshipAudit("supply.dropship.callback", actor, after, event._tag, { state: after.state }))
      return Option.none<UnknownCallbackToken>()
    }))
  if (Either.isLeft(applied)) return applied.left._tag === "NotFound" ? new UnknownCallbackToken() : applied.left
  const after = applied.right
  yield* signalDropship(ref, after.signals)
  if (after.state === "VendorRejected") return new RejectionRecorded({ purchaseOrderId: after.purchaseOrderId })
  return new ShipmentRecorded({
    purchaseOrderId: after.purchaseOrderId,
    shipped: shippedOf(after),
    remaining: remainingOf(after),
    ...(nextToken === undefined ? {} : { nextToken: Redacted.make(nextToken) })
  })
})
