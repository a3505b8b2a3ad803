import { DateTime, Effect, Layer, Option } from "effect"
import type { Sku } from "../../domain/commerce/Cart.js"
import {
  Committed,
  heldUnits,
  OutOfStock,
  Reservation,
  ReservationLapsed,
  Reserved,
  shortages,
  StockItem,
  StockLevel
} from "../../domain/commerce/Stock.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { Inventory, type ReservationRequest } from "../../orchestration/commerce/Inventory.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

/** Stock and reservations in one value, so that every operation is a single atomic `modify`. */
interface State {
  readonly stock: ReadonlyMap<string, StockItem>
  readonly reservations: ReadonlyMap<string, { readonly tenantId: string; readonly reservation: Reservation }>
}

const keyOf = (tenantId: string, id: string) => JSON.stringify([tenantId, id])

const available = (state: State, tenantId: string, now: DateTime.Utc, except?: string) => (sku: Sku) => {
  const item = state.stock.get(keyOf(tenantId, sku))
  const others = [...state.reservations.values()].filter((r) => r.tenantId === tenantId && r.reservation.id !== except)
  return item === undefined ? 0 : item.onHand - heldUnits(others.map((r) => r.reservation), sku, now)
}

const hold = (state: State, tenantId: string, request: ReservationRequest, now: DateTime.Utc, backorder: boolean): readonly [Reserved | OutOfStock, State] => {
  const existing = state.reservations.get(keyOf(tenantId, request.id))?.reservation
  if (existing !== undefined) return [new Reserved({ reservationId: existing.id, backordered: existing.backordered }), state]
  const short = shortages(request.lines, available(state, tenantId, now))
  if (short.length > 0 && !backorder) return [new OutOfStock({ skus: short }), state]
  const reservation = new Reservation({
    id: request.id,
    lines: request.lines,
    backorder,
    backordered: short,
    status: "held",
    expiresAt: request.expiresAt
  })
  const reservations = new Map(state.reservations).set(keyOf(tenantId, request.id), { tenantId, reservation })
  return [new Reserved({ reservationId: request.id, backordered: short }), { ...state, reservations }]
}

const withStatus = (state: State, tenantId: string, reservation: Reservation, status: Reservation["status"]) =>
  new Map(state.reservations).set(keyOf(tenantId, reservation.id), { tenantId, reservation: new Reservation({ ...reservation, status }) })

export const make = Effect.map(MemoryDatabase, (database) => {
  const table = database.table<State>("commerce.inventory", { stock: new Map(), reservations: new Map() })
  return Inventory.of({
    levels: (tenantId, skus, now) =>
      Effect.map(table.get, (state) =>
        [...new Set(skus)].sort().flatMap((sku) => {
          const item = state.stock.get(keyOf(tenantId, sku))
          return item === undefined ? [] : [new StockLevel({ ...item, available: available(state, tenantId, now)(sku) })]
        })),
    put: (tenantId, item) => table.update((state) => ({ ...state, stock: new Map(state.stock).set(keyOf(tenantId, item.sku), item) })),
    reserve: (tenantId, request, now) => table.modify((state) => hold(state, tenantId, request, now, false)),
    reserveBackorder: (tenantId, request, now) =>
      table.modify((state) => hold(state, tenantId, request, now, true)).pipe(
        Effect.flatMap((result) =>
          result._tag === "Reserved" ? Effect.succeed(result) : Effect.die(new ContractViolation({ message: "a backorder is never out of stock" }))
        )
      ),
    commit: (tenantId, id, now) =>
      table.modify((state): readonly [Option.Option<Committed | ReservationLapsed>, State] => {
        const reservation = state.reservations.get(keyOf(tenantId, id))?.reservation
        if (reservation === undefined || reservation.status === "released") return [Option.none(), state]
        if (reservation.status === "committed") return [Option.some(new Committed()), state]
        const short = shortages(reservation.lines, available(state, tenantId, now, id))
        const expired = !DateTime.lessThan(now, reservation.expiresAt)
        if (expired && !reservation.backorder && short.length > 0) return [Option.some(new ReservationLapsed({ skus: short })), state]
        const stock = new Map(state.stock)
        for (const line of reservation.lines) {
          const item = stock.get(keyOf(tenantId, line.sku))
          if (item !== undefined) stock.set(keyOf(tenantId, line.sku), new StockItem({ ...item, onHand: item.onHand - line.quantity }))
        }
        return [Option.some(new Committed()), { stock, reservations: withStatus(state, tenantId, reservation, "committed") }]
      }).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.die(new ContractViolation({ message: `Inventory.commit: no reservation ${id} to commit in tenant ${tenantId}` })),
          onSome: Effect.succeed
        }))
      ),
    release: (tenantId, id) =>
      table.update((state) => {
        const reservation = state.reservations.get(keyOf(tenantId, id))?.reservation
        return reservation?.status === "held" ? { ...state, reservations: withStatus(state, tenantId, reservation, "released") } : state
      })
  })
})

export const layer: Layer.Layer<Inventory, never, MemoryDatabase> = Layer.effect(Inventory, make)
