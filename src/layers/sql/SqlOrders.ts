import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Checkout, CheckoutRequest } from "../../domain/commerce/Checkout.js"
import { CurrencyCode, Money } from "../../domain/commerce/Money.js"
import { Order, OrderLine } from "../../domain/commerce/Order.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { Orders } from "../../orchestration/commerce/Orders.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)

/** The row schemas check every field: the instances are built without validating them again. */
const decoded = { disableValidation: true } as const
const Key = Schema.Struct({ tenantId: Schema.String, id: Schema.String })

const CheckoutRow = Schema.Struct({
  tenant_id: Checkout.fields.tenantId,
  key: Checkout.fields.key,
  request: Schema.parseJson(CheckoutRequest),
  status: Checkout.fields.status,
  note: Schema.NullOr(Schema.String),
  created_at: Millis,
  updated_at: Millis
})

const OrderRow = Schema.Struct({
  tenant_id: Order.fields.tenantId,
  id: Order.fields.id,
  checkout_key: Order.fields.checkoutKey,
  customer_id: Order.fields.customerId,
  lines: Schema.parseJson(Schema.NonEmptyArray(OrderLine)),
  total_amount: Schema.compose(SqlNumber, Schema.Int),
  currency: CurrencyCode,
  confirmation: Order.fields.confirmation,
  charge_id: Order.fields.chargeId,
  placed_at: Millis
})

const toCheckout = (row: typeof CheckoutRow.Type) =>
  new Checkout({
    tenantId: row.tenant_id,
    key: row.key,
    request: row.request,
    status: row.status,
    ...(row.note === null ? {} : { note: row.note }),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }, decoded)

const toOrder = (row: typeof OrderRow.Type) =>
  new Order({
    id: row.id,
    tenantId: row.tenant_id,
    checkoutKey: row.checkout_key,
    customerId: row.customer_id,
    lines: row.lines,
    total: new Money({ amount: row.total_amount, currency: row.currency }, decoded),
    confirmation: row.confirmation,
    chargeId: row.charge_id,
    placedAt: row.placed_at
  }, decoded)

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const checkoutColumns = sql.literal("tenant_id, key, request, status, note, created_at, updated_at")
  const orderColumns = sql.literal(
    "tenant_id, id, checkout_key, customer_id, lines, total_amount, currency, confirmation, charge_id, placed_at"
  )

  const findCheckout = SqlSchema.findOne({
    Request: Key,
    Result: CheckoutRow,
    execute: ({ id, tenantId }) => sql`SELECT ${checkoutColumns} FROM baton_checkouts WHERE tenant_id = ${tenantId} AND key = ${id}`
  })
  const findOrder = SqlSchema.findOne({
    Request: Key,
    Result: OrderRow,
    execute: ({ id, tenantId }) => sql`SELECT ${orderColumns} FROM baton_orders WHERE tenant_id = ${tenantId} AND id = ${id}`
  })
  const findOrderOfCheckout = SqlSchema.single({
    Request: Key,
    Result: OrderRow,
    execute: ({ id, tenantId }) => sql`SELECT ${orderColumns} FROM baton_orders WHERE tenant_id = ${tenantId} AND checkout_key = ${id}`
  })
  const encodeRequest = Schema.encode(Schema.parseJson(CheckoutRequest))
  const encodeLines = Schema.encode(Schema.parseJson(Schema.NonEmptyArray(OrderLine)))

  return Orders.of({
    openCheckout: (checkout) =>
      Effect.gen(function*() {
        const opened = yield* sql`INSERT INTO baton_checkouts ${
          sql.insert({
            tenant_id: checkout.tenantId,
            key: checkout.key,
            request: yield* encodeRequest(checkout.request),
            status: checkout.status,
            note: checkout.note ?? null,
            created_at: DateTime.toEpochMillis(checkout.createdAt),
            updated_at: DateTime.toEpochMillis(checkout.updatedAt)
          })
        } ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`.pipe(Effect.map((rows) => rows.length > 0))
        if (opened) return checkout
        return toCheckout(yield* Effect.flatten(findCheckout({ tenantId: checkout.tenantId, id: checkout.key })))
      }).pipe(mapErrors("Orders.openCheckout")),
    findCheckout: (tenantId, key) =>
      findCheckout({ tenantId, id: key }).pipe(Effect.map(Option.map(toCheckout)), mapErrors("Orders.findCheckout")),
    markCheckout: (tenantId, key, update) =>
      sql<{ readonly key: string }>`UPDATE baton_checkouts
          SET status = ${update.status}, note = ${update.note ?? null}, updated_at = ${DateTime.toEpochMillis(update.at)}
          WHERE tenant_id = ${tenantId} AND key = ${key} AND status <> 'manual-intervention' RETURNING key`.pipe(
        Effect.flatMap((updated) => (updated.length > 0 ? Effect.succeed(true) : Effect.map(findCheckout({ tenantId, id: key }), Option.isSome))),
        mapErrors("Orders.markCheckout"),
        Effect.flatMap((found) =>
          found ? Effect.void : Effect.die(new ContractViolation({ message: `Orders.markCheckout: no checkout ${key} in tenant ${tenantId}` }))
        )
      ),
    place: (order) =>
      Effect.gen(function*() {
        const placed = yield* sql`INSERT INTO baton_orders ${
          sql.insert({
            tenant_id: order.tenantId,
            id: order.id,
            checkout_key: order.checkoutKey,
            customer_id: order.customerId,
            lines: yield* encodeLines(order.lines),
            total_amount: order.total.amount,
            currency: order.total.currency,
            confirmation: order.confirmation,
            charge_id: order.chargeId,
            placed_at: DateTime.toEpochMillis(order.placedAt)
          })
        } ON CONFLICT (tenant_id, checkout_key) DO NOTHING RETURNING id`.pipe(Effect.map((rows) => rows.length > 0))
        if (placed) return order
        return toOrder(yield* findOrderOfCheckout({ tenantId: order.tenantId, id: order.checkoutKey }))
      }).pipe(mapErrors("Orders.place")),
    find: (tenantId, id) => findOrder({ tenantId, id }).pipe(Effect.map(Option.map(toOrder)), mapErrors("Orders.find"))
  })
})

export const layer: Layer.Layer<Orders, never, SqlClient.SqlClient> = Layer.effect(Orders, make)
