import { DateTime, Effect } from "effect"
import { checkoutAudit, outcomeReason } from "../../domain/commerce/CheckoutIntents.js"
import type { CheckoutRejected, InsufficientStock, PaymentDeclined } from "../../domain/commerce/CheckoutOutcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { Orders } from "./Orders.js"

/** Ends a checkout that places no order: its record says why (`rejected` or `declined`), and the outcome is audited. */
export const concludeCheckout = fn("Commerce.concludeCheckout")(function*<
  O extends CheckoutRejected | InsufficientStock | PaymentDeclined
>(command: CheckoutCommand, outcome: O) {
  const orders = yield* Orders
  const auditTrail = yield* AuditTrail
  const at = yield* DateTime.now
  const reason = outcomeReason(outcome)
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* orders.markCheckout(command.tenantId, command.key, {
      status: outcome._tag === "PaymentDeclined" ? "declined" : "rejected",
      at,
      note: reason
    })
    yield* auditTrail.record(checkoutAudit(command, outcome._tag, { reason }))
  }))
  return outcome
})
