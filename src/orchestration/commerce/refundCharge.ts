import { DateTime, Duration, Effect, Either, Schedule } from "effect"
import { checkoutAlert, checkoutAudit } from "../../domain/commerce/CheckoutIntents.js"
import { RefundFailed } from "../../domain/commerce/Payment.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { Orders } from "./Orders.js"
import { PaymentGateway } from "./PaymentGateway.js"

const refundRetries = Schedule.exponential(Duration.millis(100)).pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(5)))
const recordRetries = Schedule.exponential(Duration.millis(100)).pipe(Schedule.intersect(Schedule.recurs(8)))

/**
 * Gives back the charge taken under `chargeKey`, if any (`Refunded` or `NothingToRefund`),
 * retrying transient failures. A refund that still fails is never dropped: the checkout is
 * flagged for manual intervention, audited, and the operators alerted (`RefundFailed`).
 */
export const refundCharge = fn("Commerce.refundCharge")(function*(command: CheckoutCommand, chargeKey: string, refundKey: string) {
  const refunded = yield* (yield* PaymentGateway).refund({ idempotencyKey: refundKey, chargeKey }).pipe(
    Effect.retry({ schedule: refundRetries, while: (error) => error.transient }),
    Effect.either
  )
  if (Either.isRight(refunded)) return refunded.right
  const reason = `the refund of charge ${chargeKey} failed: ${refunded.left.message}`
  const [orders, notifications, auditTrail] = yield* Effect.all([Orders, Notifications, AuditTrail])
  const at = yield* DateTime.now
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* orders.markCheckout(command.tenantId, command.key, { status: "manual-intervention", at, note: reason })
    yield* auditTrail.record(checkoutAudit(command, "ManualInterventionRequired", { reason }))
    yield* notifications.emit(checkoutAlert("commerce.checkout.manualIntervention", command, { chargeKey, reason }))
  })).pipe(Effect.retry(recordRetries))
  return new RefundFailed({ reason })
})
