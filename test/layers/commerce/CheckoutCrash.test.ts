import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schedule } from "effect"
import * as Database from "../../../src/layers/sql/Database.js"
import * as PaymentSimulator from "../../support/PaymentSimulator.js"
import { freePort, startService, waitReady } from "../../support/ServiceProcess.js"
import * as WebhookReceiver from "../../support/WebhookReceiver.js"

const admin = { email: "root@example.com", password: "a long and unusual crash-test passphrase" }

const call = (port: number, method: string, path: string, options: { readonly token?: string; readonly body?: unknown; readonly key?: string } = {}) =>
  Effect.tryPromise(async () => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...(options.key === undefined ? {} : { "idempotency-key": options.key })
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  })

const inspect = (dataDir: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const orders = yield* sql<{ id: string; charge_id: string }>`SELECT id, charge_id FROM baton_orders`
    const checkouts = yield* sql<{ status: string }>`SELECT status FROM baton_checkouts`
    return { orders, checkouts: checkouts.map((c) => c.status) }
  }).pipe(Effect.provide(Database.sqlite(join(dataDir, "baton.db"))), Effect.orDie)

describe("exactly-once charging across a crash (real process, kill -9)", () => {
  it.scopedLive("a service killed between the charge and the order resumes after a restart: one charge, one order", () =>
    Effect.gen(function*() {
      const sim = yield* PaymentSimulator.make
      const dataDir = yield* Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-checkout-crash-"))),
        (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
      )
      const env = {
        BATON_DATA_DIR: dataDir,
        BATON_PAYMENT_GATEWAY: "http",
        BATON_PAYMENT_URL: sim.url,
        BATON_PAYMENT_TIMEOUT_MS: "2000",
        BATON_BOOTSTRAP_EMAIL: admin.email,
        BATON_BOOTSTRAP_PASSWORD: admin.password
      }
      const firstPort = yield* freePort
      const first = yield* startService(firstPort, env)
      yield* waitReady(firstPort, first)
      const login = yield* call(firstPort, "POST", "/auth/login", { body: admin })
      const token = String(login.body["sessionToken"])
      assert.strictEqual((yield* call(firstPort, "POST", "/tenants", { token, body: { id: "acme", name: "Acme" } })).status, 201)
      yield* call(firstPort, "PUT", "/tenants/acme/inventory/tea", { token, body: { name: "Sencha", unitPrice: { amount: 450, currency: "EUR" }, onHand: 5 } })
      yield* call(firstPort, "PUT", "/tenants/acme/customers/alice", { token, body: { tier: "standard", verified: true } })
      const cart = { customerId: "alice", paymentMethod: "pm_card_visa", lines: [{ sku: "tea", quantity: 2 }] }

      sim.faults.hold = true
      yield* Effect.fork(Effect.ignore(call(firstPort, "POST", "/tenants/acme/checkout", { token, body: cart, key: "crash-1" })))
      yield* WebhookReceiver.eventually("the charge taken by the payment service", () => sim.charges().length === 1, 15_000)
      first.child.kill("SIGKILL")
      assert.strictEqual(yield* first.exited, "SIGKILL")
      sim.faults.hold = false
      sim.release()
      const afterCrash = yield* inspect(dataDir)
      assert.deepStrictEqual(afterCrash, { orders: [], checkouts: ["reserved"] }, "charged, but no order yet")

      const port = yield* freePort
      const second = yield* startService(port, env)
      yield* waitReady(port, second)
      yield* WebhookReceiver.eventually("the resumed saga placed the order", Effect.map(inspect(dataDir), (state) => state.orders.length === 1), 30_000)
      const retried = yield* call(port, "POST", "/tenants/acme/checkout", { token: String((yield* call(port, "POST", "/auth/login", { body: admin })).body["sessionToken"]), body: cart, key: "crash-1" }).pipe(
        Effect.retry(Schedule.spaced("200 millis").pipe(Schedule.intersect(Schedule.recurs(20))))
      )
      const { orders, checkouts } = yield* inspect(dataDir)
      assert.deepStrictEqual([retried.status, retried.body["_tag"], retried.body["orderId"]], [201, "OrderPlaced", orders[0]?.id])
      assert.deepStrictEqual(checkouts, ["placed"])
      assert.strictEqual(sim.charges().length, 1, "charged once")
      assert.strictEqual(orders[0]?.charge_id, sim.charges()[0]?.id, "the order is paid by that charge")
      assert.isAtLeast(sim.requests().filter((r) => r.path === "/v1/charges").length, 2, "the charge was asked again under its key after the restart")
      assert.deepStrictEqual(sim.refunds(), [])
    }), 90_000)
})
