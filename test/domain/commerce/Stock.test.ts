import { assert, describe, it } from "@effect/vitest"
import { DateTime } from "effect"
import { Sku } from "../../../src/domain/commerce/Cart.js"
import { heldUnits, holdsStock, Reservation, ReservationId, ReservationLine, type ReservationStatus, shortages } from "../../../src/domain/commerce/Stock.js"

const now = DateTime.unsafeMake("2026-01-01T12:00:00Z")
const a = Sku.make("a")
const reservation = (id: string, quantity: number, status: ReservationStatus, expiresInMinutes: number) =>
  new Reservation({
    id: ReservationId.make(id),
    lines: [new ReservationLine({ sku: a, quantity }), new ReservationLine({ sku: Sku.make("b"), quantity: 7 })],
    backorder: false,
    backordered: [],
    status,
    expiresAt: DateTime.add(now, { minutes: expiresInMinutes })
  })

describe("reservations", () => {
  it("hold stock while held and unexpired only", () => {
    assert.isTrue(holdsStock(reservation("r", 1, "held", 1), now))
    assert.isFalse(holdsStock(reservation("r", 1, "held", 0), now), "expired at this instant")
    assert.isFalse(holdsStock(reservation("r", 1, "committed", 10), now))
    assert.isFalse(holdsStock(reservation("r", 1, "released", 10), now))
  })

  it("count the units of a product held by live reservations", () => {
    const all = [reservation("r1", 2, "held", 5), reservation("r2", 3, "held", -1), reservation("r3", 4, "released", 5), reservation("r4", 1, "held", 15)]
    assert.strictEqual(heldUnits(all, a, now), 3)
    assert.strictEqual(heldUnits(all, Sku.make("b"), now), 14)
    assert.strictEqual(heldUnits(all, Sku.make("c"), now), 0)
  })

  it("find the products short of what lines ask for", () => {
    const available = (sku: string) => (sku === "a" ? 2 : 0)
    assert.deepStrictEqual(shortages([{ sku: a, quantity: 2 }, { sku: Sku.make("b"), quantity: 1 }], available), [Sku.make("b")])
    assert.deepStrictEqual(shortages([{ sku: a, quantity: 3 }], available), [a])
  })
})
