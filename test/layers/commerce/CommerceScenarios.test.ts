import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { SandboxLedger } from "../../../src/layers/payment/SandboxPaymentGateway.js"
import { bearerWith, createTenant } from "../../support/Access.js"
import { bodyOf, type Reply, request } from "../../support/AuthClient.js"
import { type CommerceServices, commerceServers } from "../../support/CommerceServers.js"
import { pendingNotifications } from "../../support/Intents.js"

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text)
  assert.strictEqual((reply.body as { _tag?: string })._tag, tag, reply.text)
}

const Placed = Schema.Struct({ orderId: Schema.String, total: Schema.Struct({ amount: Schema.Number, currency: Schema.String }), confirmation: Schema.String })

/** A tenant with its admin, a storefront (a custom role would do; here the tenant admin) and a read-only member. */
const storefront = Effect.gen(function*() {
  yield* createTenant("acme")
  yield* createTenant("globex")
  const admin = yield* bearerWith("admin@acme.example", [{ role: "tenant-admin", tenant: "acme" }])
  const member = yield* bearerWith("member@acme.example", [{ role: "tenant-member", tenant: "acme" }])
  const stranger = yield* bearerWith("admin@globex.example", [{ role: "tenant-admin", tenant: "globex" }])
  const put = (path: string, body: unknown) => request("PUT", `/tenants/acme${path}`, { bearer: admin.token, body })
  expect(yield* put("/inventory/tea", { name: "Sencha", unitPrice: { amount: 450, currency: "EUR" }, onHand: 5 }), 200, "StockUpdated")
  expect(yield* put("/inventory/cup", { name: "Cup", unitPrice: { amount: 1200, currency: "EUR" }, onHand: 1 }), 200, "StockUpdated")
  expect(yield* put("/customers/alice", { tier: "standard", verified: true }), 200, "CustomerUpdated")
  expect(yield* put("/customers/pat", { tier: "premium", verified: true }), 200, "CustomerUpdated")
  return { admin: admin.token, member: member.token, stranger: stranger.token }
})

const checkOut = (bearer: string, key: string | undefined, body: unknown, tenant = "acme") =>
  request("POST", `/tenants/${tenant}/checkout`, { bearer, body, ...(key === undefined ? {} : { headers: { "idempotency-key": key } }) })

const cart = (customerId: string, lines: ReadonlyArray<readonly [string, number]>, paymentMethod = "pm_card_visa") => ({
  customerId,
  paymentMethod,
  lines: lines.map(([sku, quantity]) => ({ sku, quantity }))
})

for (const server of commerceServers) {
  describe.skipIf(server.skip)(`commerce over HTTP: ${server.name}`, () => {
    const scenario = (name: string, body: () => Effect.Effect<void, unknown, CommerceServices>) =>
      it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)), 60_000)

    scenario("checks out once per key: 201 OrderPlaced, the same answer to a retry, the order and the checkout readable", () =>
      Effect.gen(function*() {
        const { admin, member } = yield* storefront
        const first = yield* checkOut(admin, "order-1", cart("alice", [["tea", 2], ["cup", 1]]))
        expect(first, 201, "OrderPlaced")
        const placed = yield* bodyOf(first, Placed)
        assert.deepStrictEqual([placed.total, placed.confirmation], [{ amount: 2100, currency: "EUR" }, "standard"])
        const again = yield* checkOut(admin, "order-1", cart("alice", [["tea", 2], ["cup", 1]]))
        assert.deepStrictEqual([again.status, again.text], [201, first.text])
        assert.strictEqual((yield* (yield* SandboxLedger).ledger).charges.length, 1)
        const order = yield* request("GET", `/tenants/acme/orders/${placed.orderId}`, { bearer: member })
        assert.strictEqual(order.status, 200, order.text)
        assert.include(order.text, `"checkoutKey":"order-1"`)
        const status = yield* request("GET", "/tenants/acme/checkouts/order-1", { bearer: member })
        assert.include(status.text, `"status":"placed"`)
        const stock = yield* request("GET", "/tenants/acme/inventory/tea", { bearer: member })
        assert.include(stock.text, `"onHand":3,"available":3`)
        assert.isTrue((yield* pendingNotifications).some((n) => n.kind === "commerce.order.confirmation"))
      }))

    scenario("maps every outcome to its status: 422 rejected, 409 short, 402 declined, 422 key reused", () =>
      Effect.gen(function*() {
        const { admin } = yield* storefront
        const rejected = yield* checkOut(admin, "r", cart("alice", [["tea", 0], ["cup", 1], ["tea", 1]]))
        expect(rejected, 422, "CheckoutRejected")
        assert.include(rejected.text, "NonPositiveQuantity")
        assert.include(rejected.text, "DuplicateSku")
        expect(yield* checkOut(admin, "u", cart("nobody", [["tea", 1]])), 422, "CheckoutRejected")
        expect(yield* checkOut(admin, "s", cart("alice", [["cup", 2]])), 409, "InsufficientStock")
        expect(yield* checkOut(admin, "b", cart("pat", [["cup", 2]])), 201, "OrderPlaced")
        expect(yield* checkOut(admin, "d", cart("alice", [["tea", 1]], "pm_card_chargeDeclinedFraudulent")), 402, "PaymentDeclined")
        expect(yield* checkOut(admin, "d", cart("alice", [["tea", 2]])), 422, "IdempotencyKeyReused")
      }))

    scenario("refuses bad input with 400 and every issue; needs the key; authorizes per tenant", () =>
      Effect.gen(function*() {
        const { admin, member, stranger } = yield* storefront
        assert.strictEqual((yield* checkOut(admin, undefined, cart("alice", [["tea", 1]]))).status, 400)
        const bad = yield* checkOut(admin, "k", { customerId: "", paymentMethod: "pm", lines: [{ sku: "tea", quantity: 1.5 }] })
        assert.strictEqual(bad.status, 400, bad.text)
        assert.include(bad.text, "customerId")
        assert.include(bad.text, "quantity")
        expect(yield* checkOut(member, "m", cart("alice", [["tea", 1]])), 403, "PermissionDenied")
        expect(yield* checkOut(stranger, "x", cart("alice", [["tea", 1]])), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/acme/inventory/tea", { bearer: stranger }), 403, "PermissionDenied")
        expect(yield* request("PUT", "/tenants/acme/inventory/tea", { bearer: member, body: { name: "T", unitPrice: { amount: 1, currency: "EUR" }, onHand: 1 } }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/acme/orders/nope", { bearer: admin }), 404, "NotFound")
        expect(yield* checkOut(stranger, "g", cart("alice", [["tea", 1]]), "globex"), 422, "CheckoutRejected")
      }))
  })
}
