import { Array as Arr, DateTime, Effect } from "effect"
import { decideCheckout, StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import { InsufficientStock } from "../../domain/commerce/CheckoutOutcomes.js"
import { ReservationId, ReservationLine } from "../../domain/commerce/Stock.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { checkoutSettings } from "./checkoutSettings.js"
import type { CheckoutCommand } from "./CheckoutWorkflow.js"
import { concludeCheckout } from "./concludeCheckout.js"
import { Customers } from "./Customers.js"
import { Inventory } from "./Inventory.js"
import { Orders } from "./Orders.js"

/**
 * The saga's first step: loads the customer and the stock of the lines, decides (pure), and
 * sets the stock aside under the checkout's key (with backorder for premium customers).
 * `StockReserved`, or the outcome that ends the checkout here (`CheckoutRejected`,
 * `InsufficientStock`), recorded and audited. Idempotent: a re-run finds its reservation.
 */
export const reserveStock = fn("Commerce.reserveStock")(function*(command: CheckoutCommand) {
  const { request, tenantId } = command
  const now = yield* DateTime.now
  const settings = yield* checkoutSettings(tenantId)
  const inventory = yield* Inventory
  const decision = decideCheckout({
    customerId: request.customerId,
    customer: yield* (yield* Customers).find(tenantId, request.customerId),
    lines: request.lines,
    levels: yield* inventory.levels(tenantId, request.lines.map((line) => line.sku), now),
    limits: settings
  })
  if (decision._tag !== "ReadyToReserve") return yield* concludeCheckout(command, decision)
  const reservation = {
    id: ReservationId.make(command.key),
    lines: Arr.map(decision.items, (item) => new ReservationLine({ sku: item.sku, quantity: item.quantity })),
    expiresAt: DateTime.add(now, { minutes: settings.reservationMinutes })
  }
  const orders = yield* Orders
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const reserved = decision.backorder
      ? yield* inventory.reserveBackorder(tenantId, reservation, now)
      : yield* inventory.reserve(tenantId, reservation, now)
    if (reserved._tag === "OutOfStock") return yield* concludeCheckout(command, new InsufficientStock({ skus: reserved.skus }))
    yield* orders.markCheckout(tenantId, command.key, { status: "reserved", at: now })
    return new StockReserved({ ready: decision, reservationId: reserved.reservationId, backordered: reserved.backordered }, { disableValidation: true })
  }))
})
