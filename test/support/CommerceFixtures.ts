import { DateTime, Effect } from "effect"
import { CartLine, Sku } from "../../src/domain/commerce/Cart.js"
import { Checkout, CheckoutKey, CheckoutRequest } from "../../src/domain/commerce/Checkout.js"
import { Customer, CustomerId, type CustomerTier } from "../../src/domain/commerce/Customer.js"
import { CurrencyCode, Money } from "../../src/domain/commerce/Money.js"
import { ChargeId, PaymentMethod } from "../../src/domain/commerce/Payment.js"
import { Order, OrderId, OrderLine } from "../../src/domain/commerce/Order.js"
import { ReservationId, ReservationLine, StockItem } from "../../src/domain/commerce/Stock.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { Customers } from "../../src/orchestration/commerce/Customers.js"
import { Inventory } from "../../src/orchestration/commerce/Inventory.js"

export const acme = TenantId.make("acme")
export const globex = TenantId.make("globex")
export const EUR = CurrencyCode.make("EUR")
export const eur = (amount: number) => new Money({ amount, currency: EUR })
export const sku = (value: string) => Sku.make(value)

export const stockItem = (id: string, onHand: number, amount = 1000) =>
  new StockItem({ sku: Sku.make(id), name: `Product ${id}`, unitPrice: eur(amount), onHand })

export const reservationLine = (id: string, quantity: number) => new ReservationLine({ sku: Sku.make(id), quantity })
export const reservationId = (id: string) => ReservationId.make(id)

export const customer = (id: string, tier: CustomerTier = "standard", verified = true) =>
  new Customer({ id: CustomerId.make(id), tier, verified })

export const request = (customerId: string, lines: ReadonlyArray<readonly [string, number]>, paymentMethod = "pm_card_visa") =>
  new CheckoutRequest({
    customerId: CustomerId.make(customerId),
    paymentMethod: PaymentMethod.make(paymentMethod),
    lines: lines.map(([id, quantity]) => new CartLine({ sku: Sku.make(id), quantity }))
  })

export const openCheckout = (tenantId: TenantId, key: string, req: CheckoutRequest, at: DateTime.Utc) =>
  new Checkout({ tenantId, key: CheckoutKey.make(key), request: req, status: "open", createdAt: at, updatedAt: at })

export const order = (tenantId: TenantId, id: string, checkoutKey: string, at: DateTime.Utc) =>
  new Order({
    id: OrderId.make(id),
    tenantId,
    checkoutKey: CheckoutKey.make(checkoutKey),
    customerId: CustomerId.make("alice"),
    lines: [new OrderLine({ sku: Sku.make("tea"), name: "Tea", unitPrice: eur(450), quantity: 2, backordered: false })],
    total: eur(900),
    confirmation: "standard",
    chargeId: ChargeId.make(`ch_${id}`),
    placedAt: at
  })

/** Stocks the tenant's catalogue and registers customers (arranging a test through the ports). */
export const arrange = (tenantId: TenantId, items: ReadonlyArray<StockItem>, customers: ReadonlyArray<Customer> = []) =>
  Effect.gen(function*() {
    const inventory = yield* Inventory
    const registry = yield* Customers
    yield* Effect.forEach(items, (item) => inventory.put(tenantId, item), { discard: true })
    yield* Effect.forEach(customers, (c) => registry.put(tenantId, c), { discard: true })
  })

/** A fixed instant, and instants minutes after it. */
export const t0 = DateTime.unsafeMake("2026-03-01T10:00:00Z")
export const minutes = (n: number) => DateTime.add(t0, { minutes: n })
