import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { SandboxLedger } from "../../../src/layers/payment/SandboxPaymentGateway.js"
import { bearerWith, createTenant } from "../../support/Access.js"
import { request } from "../../support/AuthClient.js"
import { durableServer } from "../../support/CommerceServers.js"
import { sqlDatabases } from "../../support/TestDatabases.js"

for (const database of sqlDatabases) {
  describe.skipIf(database.skip)(`concurrent duplicates of one checkout (${database.name}, durable engine, over HTTP)`, () => {
    it.live("50 concurrent requests with one Idempotency-Key: one charge, one order, 50 identical answers", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const { token } = yield* bearerWith("shop@acme.example", [{ role: "tenant-admin", tenant: "acme" }])
        const put = (path: string, body: unknown) => request("PUT", `/tenants/acme${path}`, { bearer: token, body })
        yield* put("/inventory/tea", { name: "Sencha", unitPrice: { amount: 450, currency: "EUR" }, onHand: 100 })
        yield* put("/customers/alice", { tier: "standard", verified: true })
        const body = { customerId: "alice", paymentMethod: "pm_card_visa", lines: [{ sku: "tea", quantity: 3 }] }
        const replies = yield* Effect.forEach(
          Array.from({ length: 50 }, () => body),
          (payload) => request("POST", "/tenants/acme/checkout", { bearer: token, body: payload, headers: { "idempotency-key": "dup-1" } }),
          { concurrency: "unbounded" }
        )
        assert.deepStrictEqual([...new Set(replies.map((r) => r.status))], [201])
        assert.strictEqual(new Set(replies.map((r) => r.text)).size, 1, "50 identical answers")
        assert.strictEqual((yield* (yield* SandboxLedger).ledger).charges.length, 1, "one charge")
        const sql = yield* SqlClient.SqlClient
        const orders = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM baton_orders WHERE tenant_id = 'acme'`
        assert.strictEqual(Number(orders[0]?.n), 1, "one order")
        const stock = yield* sql<{ on_hand: number }>`SELECT on_hand FROM baton_stock WHERE tenant_id = 'acme' AND sku = 'tea'`
        assert.strictEqual(Number(stock[0]?.on_hand), 97, "the stock taken once")
      }).pipe(Effect.provide(durableServer(database.layer))), 60_000)
  })
}
