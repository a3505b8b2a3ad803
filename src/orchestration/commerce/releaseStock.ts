import type { StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import { fn } from "../shared/Fn.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { Inventory } from "./Inventory.js"

/** Compensation of the reservation: its units go back to the stock (idempotent). */
export const releaseStock = fn("Commerce.releaseStock")(function*(command: CheckoutCommand, reserved: StockReserved) {
  yield* (yield* Inventory).release(command.tenantId, reserved.reservationId)
})
