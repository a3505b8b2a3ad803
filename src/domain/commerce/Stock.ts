import { DateTime, Schema } from "effect"
import { Sku } from "./Cart.js"
import { Money } from "./Money.js"

/** A catalogue entry with its stock: what the product is called, costs, and how many are on hand. */
export class StockItem extends Schema.Class<StockItem>("StockItem")({
  sku: Sku,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  unitPrice: Money,
  /** Units on hand; negative when more was sold on backorder than was in stock. */
  onHand: Schema.Int
}) {}

/** A catalogue entry with the units still available: on hand less those held by live reservations. */
export class StockLevel extends Schema.Class<StockLevel>("StockLevel")({
  ...StockItem.fields,
  available: Schema.Int
}) {}

export const ReservationId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("ReservationId"))
export type ReservationId = typeof ReservationId.Type

/** Units of one product set aside for a checkout. */
export class ReservationLine extends Schema.Class<ReservationLine>("ReservationLine")({
  sku: Sku,
  quantity: Schema.Int.pipe(Schema.positive())
}) {}

/** `held` until committed by an order or released; a held reservation past `expiresAt` no longer holds stock. */
export const ReservationStatus = Schema.Literal("held", "committed", "released")
export type ReservationStatus = typeof ReservationStatus.Type

/**
 * Stock set aside for one checkout. A backorder reservation (premium customers) holds its units
 * even beyond what is on hand; a normal one only ever holds what was available.
 */
export class Reservation extends Schema.Class<Reservation>("Reservation")({
  id: ReservationId,
  lines: Schema.NonEmptyArray(ReservationLine),
  backorder: Schema.Boolean,
  /** The products of which more was reserved than was available (backorders only). */
  backordered: Schema.Array(Sku),
  status: ReservationStatus,
  expiresAt: Schema.DateTimeUtc
}) {}

/** The stock is set aside; `backordered` lists the products of which more was reserved than was available. */
export class Reserved extends Schema.TaggedClass<Reserved>()("Reserved", {
  reservationId: ReservationId,
  backordered: Schema.Array(Sku)
}) {}

/** Not enough of these products was available: nothing was reserved. */
export class OutOfStock extends Schema.TaggedClass<OutOfStock>()("OutOfStock", {
  skus: Schema.Array(Sku)
}) {}

/** The reservation became a sale: its units left the stock on hand. */
export class Committed extends Schema.TaggedClass<Committed>()("Committed", {}) {}

/** The reservation expired and its units were taken by others meanwhile: nothing was committed. */
export class ReservationLapsed extends Schema.TaggedClass<ReservationLapsed>()("ReservationLapsed", {
  skus: Schema.Array(Sku)
}) {}

/** Whether the reservation holds stock at `now`: held and not yet expired. */
export const holdsStock = (reservation: Reservation, now: DateTime.Utc): boolean =>
  reservation.status === "held" && DateTime.lessThan(now, reservation.expiresAt)

/** The units of `sku` held at `now` by these reservations. */
export const heldUnits = (reservations: Iterable<Reservation>, sku: Sku, now: DateTime.Utc): number => {
  let held = 0
  for (const reservation of reservations) {
    if (!holdsStock(reservation, now)) continue
    for (const line of reservation.lines) if (line.sku === sku) held += line.quantity
  }
  return held
}

/** The products of which fewer units are available than the lines ask for, in line order. */
export const shortages = (
  lines: ReadonlyArray<{ readonly sku: Sku; readonly quantity: number }>,
  available: (sku: Sku) => number
): ReadonlyArray<Sku> => lines.filter((line) => available(line.sku) < line.quantity).map((line) => line.sku)
