import { Effect } from "effect"
import type { StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import { paymentRetryPolicy } from "../../domain/commerce/PaymentPolicy.js"
import { fn } from "../shared/Fn.js"
import { transientRetries } from "./CheckoutSchedules.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { PaymentGateway } from "./PaymentGateway.js"

/**
 * Charges the checkout's total under `idempotencyKey`: `Charged` or `Declined`. Transient
 * failures of the payment service are retried under the same key (so a charge whose answer was
 * lost is answered, never taken twice), with the backoff of the customer's retry policy.
 */
export const chargePayment = fn("Commerce.chargePayment")(function*(
  command: CheckoutCommand,
  reserved: StockReserved,
  idempotencyKey: string
) {
  const gateway = yield* PaymentGateway
  return yield* gateway.charge({ idempotencyKey, amount: reserved.ready.total, paymentMethod: command.request.paymentMethod }).pipe(
    Effect.retry({ schedule: transientRetries(paymentRetryPolicy(reserved.ready.tier)), while: (error) => error.transient })
  )
})
