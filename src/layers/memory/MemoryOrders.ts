import { Effect, Layer, Option } from "effect"
import { Checkout, nextStatus } from "../../domain/commerce/Checkout.js"
import type { Order } from "../../domain/commerce/Order.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { Orders } from "../../orchestration/commerce/Orders.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface State {
  readonly checkouts: ReadonlyMap<string, Checkout>
  /** Orders by tenant and id; `byCheckout` maps tenant and checkout key to the order's key. */
  readonly orders: ReadonlyMap<string, Order>
  readonly byCheckout: ReadonlyMap<string, string>
}

const keyOf = (tenantId: string, id: string) => JSON.stringify([tenantId, id])

export const make = Effect.map(MemoryDatabase, (database) => {
  const table = database.table<State>("commerce.orders", { checkouts: new Map(), orders: new Map(), byCheckout: new Map() })
  return Orders.of({
    openCheckout: (checkout) =>
      table.modify((state) => {
        const key = keyOf(checkout.tenantId, checkout.key)
        const existing = state.checkouts.get(key)
        return existing !== undefined
          ? [existing, state] as const
          : [checkout, { ...state, checkouts: new Map(state.checkouts).set(key, checkout) }] as const
      }),
    findCheckout: (tenantId, key) => Effect.map(table.get, (state) => Option.fromNullable(state.checkouts.get(keyOf(tenantId, key)))),
    markCheckout: (tenantId, key, update) =>
      table.modify((state) => {
        const current = state.checkouts.get(keyOf(tenantId, key))
        if (current === undefined) return [false, state] as const
        const changed = current.status === "manual-intervention"
          ? current
          : new Checkout({ ...current, status: nextStatus(current.status, update.status), note: update.note, updatedAt: update.at })
        return [true, { ...state, checkouts: new Map(state.checkouts).set(keyOf(tenantId, key), changed) }] as const
      }).pipe(
        Effect.flatMap((found) =>
          found ? Effect.void : Effect.die(new ContractViolation({ message: `Orders.markCheckout: no checkout ${key} in tenant ${tenantId}` }))
        )
      ),
    place: (order) =>
      table.modify((state) => {
        const checkout = keyOf(order.tenantId, order.checkoutKey)
        const existing = state.byCheckout.get(checkout)
        if (existing !== undefined) return [state.orders.get(existing) ?? order, state] as const
        const key = keyOf(order.tenantId, order.id)
        return [order, { ...state, orders: new Map(state.orders).set(key, order), byCheckout: new Map(state.byCheckout).set(checkout, key) }] as const
      }),
    find: (tenantId, id) => Effect.map(table.get, (state) => Option.fromNullable(state.orders.get(keyOf(tenantId, id))))
  })
})

export const layer: Layer.Layer<Orders, never, MemoryDatabase> = Layer.effect(Orders, make)
