import { DateTime, Effect } from "effect"
import { checkoutAlert, checkoutAudit } from "../../domain/commerce/CheckoutIntents.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { Orders } from "./Orders.js"

/**
 * The last compensation of a failed checkout, after its stock was released and its charges
 * refunded: the record says `compensated` (unless it awaits manual intervention), the failure is
 * audited, and the operators are alerted.
 */
export const compensateCheckout = fn("Commerce.compensateCheckout")(function*(command: CheckoutCommand, failure: string) {
  const [orders, notifications, auditTrail] = yield* Effect.all([Orders, Notifications, AuditTrail])
  const at = yield* DateTime.now
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* orders.markCheckout(command.tenantId, command.key, { status: "compensated", at, note: failure })
    yield* auditTrail.record(checkoutAudit(command, "CheckoutFailed", { reason: failure }))
    yield* notifications.emit(checkoutAlert("commerce.checkout.compensated", command, { failure }))
  }))
})
