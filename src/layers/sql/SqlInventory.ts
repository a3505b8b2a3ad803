import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Sku } from "../../domain/commerce/Cart.js"
import { CurrencyCode, Money } from "../../domain/commerce/Money.js"
import { Committed, OutOfStock, ReservationLapsed, Reserved, shortages, StockLevel } from "../../domain/commerce/Stock.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Inventory, type ReservationRequest } from "../../orchestration/commerce/Inventory.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const SqlInt = Schema.compose(SqlNumber, Schema.Int)

const LevelRow = Schema.Struct({
  sku: Sku,
  name: StockLevel.fields.name,
  unit_amount: SqlInt,
  currency: CurrencyCode,
  on_hand: SqlInt,
  available: SqlInt
})

/** The row schema checked every field: the instances are built without validating them again. */
const decoded = { disableValidation: true } as const

const ReservationRow = Schema.Struct({
  status: Schema.Literal("held", "committed", "released"),
  backorder: SqlNumber,
  backordered: Schema.parseJson(Schema.Array(Sku)),
  expires_at: SqlNumber
})

const LineRow = Schema.Struct({ sku: Sku, quantity: SqlNumber })

const toLevel = (row: typeof LevelRow.Type) =>
  new StockLevel({
    sku: row.sku,
    name: row.name,
    unitPrice: new Money({ amount: row.unit_amount, currency: row.currency }, decoded),
    onHand: row.on_hand,
    available: row.available
  }, decoded)

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const findLevels = SqlSchema.findAll({
    Request: Schema.Struct({ tenantId: Schema.String, skus: Schema.Array(Schema.String), now: Schema.Number }),
    Result: LevelRow,
    execute: ({ now, skus, tenantId }) =>
      sql`SELECT s.sku, s.name, s.unit_amount, s.currency, s.on_hand,
            s.on_hand - COALESCE((SELECT SUM(l.quantity) FROM baton_reservation_lines l
              WHERE l.tenant_id = s.tenant_id AND l.sku = s.sku AND l.held = 1 AND l.expires_at > ${now}), 0) AS available
          FROM baton_stock s WHERE s.tenant_id = ${tenantId} AND s.sku IN ${sql.in(skus)} ORDER BY s.sku`
  })

  const levels = (tenantId: TenantId, skus: ReadonlyArray<string>, now: DateTime.Utc) =>
    skus.length === 0
      ? Effect.succeed([])
      : findLevels({ tenantId, skus: [...new Set(skus)], now: DateTime.toEpochMillis(now) }).pipe(Effect.map((rows) => rows.map(toLevel)))

  /** Serialises writers of these products' stock on PostgreSQL (SQLite transactions are serial already). */
  const lockStock = (tenantId: TenantId, skus: ReadonlyArray<string>) =>
    skus.length === 0 ? Effect.succeed([]) : sql.onDialectOrElse({
      pg: () => sql`SELECT sku FROM baton_stock WHERE tenant_id = ${tenantId} AND sku IN ${sql.in([...new Set(skus)].sort())} ORDER BY sku FOR UPDATE`,
      orElse: () => Effect.succeed([])
    })

  const findReservation = SqlSchema.findOne({
    Request: Schema.Struct({ tenantId: Schema.String, id: Schema.String }),
    Result: ReservationRow,
    execute: ({ id, tenantId }) =>
      sql`SELECT status, backorder, backordered, expires_at FROM baton_reservations WHERE tenant_id = ${tenantId} AND id = ${id}`
  })

  const findLines = SqlSchema.findAll({
    Request: Schema.Struct({ tenantId: Schema.String, id: Schema.String }),
    Result: LineRow,
    execute: ({ id, tenantId }) => sql`SELECT sku, quantity FROM baton_reservation_lines WHERE tenant_id = ${tenantId} AND reservation_id = ${id}`
  })

  const hold = (tenantId: TenantId, request: ReservationRequest, now: DateTime.Utc, backorder: boolean) =>
    Effect.gen(function*() {
      const skus = request.lines.map((line) => line.sku)
      yield* lockStock(tenantId, skus)
      const existing = yield* findReservation({ tenantId, id: request.id })
      if (Option.isSome(existing)) return new Reserved({ reservationId: request.id, backordered: existing.value.backordered })
      const stock = yield* levels(tenantId, skus, now)
      const short = shortages(request.lines, (sku) => stock.find((level) => level.sku === sku)?.available ?? 0)
      if (short.length > 0 && !backorder) return new OutOfStock({ skus: short })
      const expiresAt = DateTime.toEpochMillis(request.expiresAt)
      yield* sql`INSERT INTO baton_reservations ${
        sql.insert({ tenant_id: tenantId, id: request.id, status: "held", backorder: backorder ? 1 : 0, backordered: JSON.stringify(short), expires_at: expiresAt })
      }`
      yield* sql`INSERT INTO baton_reservation_lines ${
        sql.insert(request.lines.map((line) => ({
          tenant_id: tenantId,
          reservation_id: request.id,
          sku: line.sku,
          quantity: line.quantity,
          held: 1,
          expires_at: expiresAt
        })))
      }`
      return new Reserved({ reservationId: request.id, backordered: short })
    }).pipe(sql.withTransaction)

  const commit = (tenantId: TenantId, id: string, now: DateTime.Utc) =>
    Effect.gen(function*() {
      const lines = yield* findLines({ tenantId, id })
      yield* lockStock(tenantId, lines.map((line) => line.sku))
      const reservation = yield* findReservation({ tenantId, id })
      if (Option.isNone(reservation) || reservation.value.status === "released") return Option.none<Committed | ReservationLapsed>()
      if (reservation.value.status === "committed") return Option.some<Committed | ReservationLapsed>(new Committed())
      const expired = reservation.value.expires_at <= DateTime.toEpochMillis(now)
      if (expired && reservation.value.backorder === 0) {
        const stock = yield* levels(tenantId, lines.map((line) => line.sku), now)
        const short = shortages(lines, (sku) => stock.find((level) => level.sku === sku)?.available ?? 0)
        if (short.length > 0) return Option.some<Committed | ReservationLapsed>(new ReservationLapsed({ skus: short }))
      }
      for (const line of lines) {
        yield* sql`UPDATE baton_stock SET on_hand = on_hand - ${line.quantity} WHERE tenant_id = ${tenantId} AND sku = ${line.sku}`
      }
      yield* sql`UPDATE baton_reservations SET status = 'committed' WHERE tenant_id = ${tenantId} AND id = ${id}`
      yield* sql`UPDATE baton_reservation_lines SET held = 0 WHERE tenant_id = ${tenantId} AND reservation_id = ${id}`
      return Option.some<Committed | ReservationLapsed>(new Committed())
    }).pipe(sql.withTransaction)

  return Inventory.of({
    levels: (tenantId, skus, now) => levels(tenantId, skus, now).pipe(mapErrors("Inventory.levels")),
    put: (tenantId, item) =>
      sql`INSERT INTO baton_stock (tenant_id, sku, name, unit_amount, currency, on_hand)
          VALUES (${tenantId}, ${item.sku}, ${item.name}, ${item.unitPrice.amount}, ${item.unitPrice.currency}, ${item.onHand})
          ON CONFLICT (tenant_id, sku) DO UPDATE SET name = excluded.name, unit_amount = excluded.unit_amount,
            currency = excluded.currency, on_hand = excluded.on_hand`.pipe(Effect.asVoid, mapErrors("Inventory.put")),
    reserve: (tenantId, request, now) => hold(tenantId, request, now, false).pipe(mapErrors("Inventory.reserve")),
    reserveBackorder: (tenantId, request, now) =>
      hold(tenantId, request, now, true).pipe(
        mapErrors("Inventory.reserveBackorder"),
        Effect.flatMap((result) =>
          result._tag === "Reserved" ? Effect.succeed(result) : Effect.die(new ContractViolation({ message: "a backorder is never out of stock" }))
        )
      ),
    commit: (tenantId, id, now) =>
      commit(tenantId, id, now).pipe(
        mapErrors("Inventory.commit"),
        Effect.flatMap(Option.match({
          onNone: () => Effect.die(new ContractViolation({ message: `Inventory.commit: no reservation ${id} to commit in tenant ${tenantId}` })),
          onSome: Effect.succeed
        }))
      ),
    release: (tenantId, id) =>
      Effect.all([
        sql`UPDATE baton_reservations SET status = 'released' WHERE tenant_id = ${tenantId} AND id = ${id} AND status = 'held'`,
        sql`UPDATE baton_reservation_lines SET held = 0 WHERE tenant_id = ${tenantId} AND reservation_id = ${id}`
      ]).pipe(sql.withTransaction, Effect.asVoid, mapErrors("Inventory.release"))
  })
})

export const layer: Layer.Layer<Inventory, never, SqlClient.SqlClient> = Layer.effect(Inventory, make)
