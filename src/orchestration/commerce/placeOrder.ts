import { DateTime, Effect } from "effect"
import { orderFor, type StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import { checkoutAudit, orderConfirmation } from "../../domain/commerce/CheckoutIntents.js"
import { OrderPlaced } from "../../domain/commerce/CheckoutOutcomes.js"
import { OrderId } from "../../domain/commerce/Order.js"
import type { Charged } from "../../domain/commerce/Payment.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { Inventory } from "./Inventory.js"
import { Orders } from "./Orders.js"

/**
 * The saga's last step, in one transaction: the reservation becomes a sale, the order is placed
 * with the confirmation kind decided with the reservation, the confirmation is sent to the customer and the
 * order audited. `OrderPlaced`, or `ReservationLapsed` when the reservation expired and its units
 * went to others (nothing is placed). Idempotent: a re-run answers the order already placed and
 * sends nothing twice.
 */
export const placeOrder = fn("Commerce.placeOrder")(function*(command: CheckoutCommand, reserved: StockReserved, charge: Charged) {
  const { key, tenantId } = command
  const now = yield* DateTime.now
  const id = OrderId.make(yield* (yield* Ids).next)
  const [inventory, orders, notifications, auditTrail] = yield* Effect.all([Inventory, Orders, Notifications, AuditTrail])
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const committed = yield* inventory.commit(tenantId, reserved.reservationId, now)
    if (committed._tag === "ReservationLapsed") return committed
    const customerId = command.request.customerId
    const order = yield* orders.place(orderFor({ id, tenantId, key, customerId, reserved, charge, placedAt: now }))
    const placed = new OrderPlaced({ orderId: order.id, total: order.total, confirmation: order.confirmation })
    if (order.id !== id) return placed
    yield* orders.markCheckout(tenantId, key, { status: "placed", at: now, note: order.id })
    yield* notifications.emit(orderConfirmation(order))
    yield* auditTrail.record(checkoutAudit(command, placed._tag, { details: { orderId: order.id, amount: order.total.amount, currency: order.total.currency } }))
    return placed
  }))
})
