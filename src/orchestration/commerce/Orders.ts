import { Context, type DateTime, type Effect, type Option } from "effect"
import type { Checkout, CheckoutKey, CheckoutStatus } from "../../domain/commerce/Checkout.js"
import type { Order, OrderId } from "../../domain/commerce/Order.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** How a checkout moves on: its new status, when, and why. */
export interface CheckoutUpdate {
  readonly status: CheckoutStatus
  readonly at: DateTime.Utc
  readonly note?: string
}

/** A tenant's order book: the record of every checkout by its idempotency key, and the orders placed. */
export class Orders extends Context.Tag("baton/commerce/Orders")<Orders, {
  /**
   * Opens the record of a checkout unless its tenant already has one under that key; answers the
   * stored record: the one just opened, or the earlier one (whose request may differ).
   */
  readonly openCheckout: (checkout: Checkout) => Effect.Effect<Checkout, RepositoryError>
  /** The record of the tenant's checkout under that key, if any. */
  readonly findCheckout: (tenantId: TenantId, key: CheckoutKey) => Effect.Effect<Option.Option<Checkout>, RepositoryError>
  /**
   * Moves a checkout on, as `nextStatus` allows (one awaiting manual intervention stays so).
   * Updating a checkout that was never opened is a contract violation (a defect).
   */
  readonly markCheckout: (tenantId: TenantId, key: CheckoutKey, update: CheckoutUpdate) => Effect.Effect<void, RepositoryError>
  /**
   * Places the order unless its checkout key already has one in the tenant; answers the stored
   * order (this one, or the earlier one: at most one order per checkout).
   */
  readonly place: (order: Order) => Effect.Effect<Order, RepositoryError>
  /** The tenant's order of that id, if any. */
  readonly find: (tenantId: TenantId, id: OrderId) => Effect.Effect<Option.Option<Order>, RepositoryError>
}>() {}
