import { Effect } from "effect"
import type { StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import type { InsufficientStock, PaymentDeclined } from "../../domain/commerce/CheckoutOutcomes.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { concludeCheckout } from "./concludeCheckout.js"
import { Inventory } from "./Inventory.js"

/**
 * The business rollback of a checkout that ends after its stock was reserved (a declined payment,
 * a lapsed reservation): the reservation is released, then the outcome is recorded and audited.
 */
export const rollBackCheckout = fn("Commerce.rollBackCheckout")(function*<O extends PaymentDeclined | InsufficientStock>(
  command: CheckoutCommand,
  reserved: StockReserved,
  outcome: O
) {
  const inventory = yield* Inventory
  return yield* (yield* Transactions).withTransaction(
    inventory.release(command.tenantId, reserved.reservationId).pipe(Effect.zipRight(concludeCheckout(command, outcome)))
  )
})
