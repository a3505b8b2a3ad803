import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Dropship } from "../../../src/domain/fulfilment/Dropship.js"
import * as Database from "../../../src/layers/sql/Database.js"
import { supplyData } from "../../support/DropshipFixtures.js"
import { freePort, type ServiceProcess, startService, waitReady } from "../../support/ServiceProcess.js"
import * as WebhookReceiver from "../../support/WebhookReceiver.js"

const admin = { email: "root@example.com", password: "a long and unusual crash-test passphrase" }
const secret = "a-webhook-secret-of-at-least-32-characters"

const call = (port: number, method: string, path: string, options: { readonly token?: string; readonly body?: unknown } = {}) =>
  Effect.tryPromise(async () => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }) },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  })

const decodeRecord = Schema.decodeUnknownSync(Schema.parseJson(Dropship))

/** The stored dropship record of S-1/1, read from the database file while no process or one process runs. */
const stored = (dataDir: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ record: string }>`SELECT record FROM baton_dropships`
    return rows.map((r) => decodeRecord(r.record))
  }).pipe(Effect.provide(Database.sqlite(join(dataDir, "baton.db"))), Effect.orDie)

const events = (receiver: { readonly received: () => ReadonlyArray<WebhookReceiver.Received> }, kind: string) =>
  receiver.received().map((r) => JSON.parse(r.body) as { kind: string; data: Record<string, unknown> }).filter((e) => e.kind === kind)

describe("a dropship across crashes (real process, kill -9)", () => {
  it.scopedLive("survives two kill -9 while it waits: each escalation fires once (the one due while down on restart, the other at its deadline), then the callback completes it", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.make(() => 204)
      const dataDir = yield* Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-dropship-crash-"))),
        (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
      )
      const env = {
        BATON_DATA_DIR: dataDir,
        BATON_BOOTSTRAP_EMAIL: admin.email,
        BATON_BOOTSTRAP_PASSWORD: admin.password,
        BATON_WEBHOOK_URL: receiver.url,
        BATON_WEBHOOK_SECRET: secret,
        BATON_OUTBOX_POLL_MS: "100",
        // A lead-time day of 1.5 s: overdue 3 s after the order (while the service is down), at risk 25 s after that.
        BATON_DROPSHIP_DAY_MS: "1500",
        BATON_DROPSHIP_AT_RISK_AFTER_MS: "25000"
      }
      const boot = Effect.gen(function*() {
        const port = yield* freePort
        const service = yield* startService(port, env)
        yield* waitReady(port, service)
        return { port, service }
      })
      const kill = (service: ServiceProcess) =>
        Effect.gen(function*() {
          service.child.kill("SIGKILL")
          assert.strictEqual(yield* service.exited, "SIGKILL")
        })

      const first = yield* boot
      const token = String((yield* call(first.port, "POST", "/auth/login", { body: admin })).body["sessionToken"])
      assert.strictEqual((yield* call(first.port, "POST", "/tenants", { token, body: { id: "acme", name: "Acme" } })).status, 201)
      const loaded = yield* call(first.port, "POST", "/tenants/acme/supply/data", { token, body: supplyData })
      assert.strictEqual(loaded.status, 200, JSON.stringify(loaded.body))
      const started = yield* call(first.port, "POST", "/tenants/acme/dropships", { token, body: { salesOrderId: "S-1", lineNo: 1 } })
      assert.deepStrictEqual([started.status, started.body["_tag"]], [202, "DropshipStarted"])
      yield* WebhookReceiver.eventually("the purchase order sent to the vendor", () => events(receiver, "supply.dropship.purchaseOrder").length === 1, 15_000)
      const callbackToken = String(events(receiver, "supply.dropship.purchaseOrder")[0]?.data["callbackToken"])
      assert.match(callbackToken, /^bdt_[A-Za-z0-9_-]{43}$/, "a 256-bit secret for the vendor")
      yield* kill(first.service)

      const [waiting] = yield* stored(dataDir)
      assert.strictEqual(waiting?.state, "AwaitingVendor")
      const deadlines = waiting!.deadlines!
      const placedAt = waiting!.history.find((h) => h.event === "PurchaseOrderPlaced")!.at
      assert.strictEqual(deadlines.overdueAt.epochMillis - placedAt.epochMillis, 3000, "the promised lead time, stored")
      assert.strictEqual(deadlines.atRiskAt.epochMillis - deadlines.overdueAt.epochMillis, 25_000)

      const second = yield* boot
      yield* WebhookReceiver.eventually("operations told the vendor is overdue", () => events(receiver, "supply.dropship.overdue").length === 1, 20_000)
      yield* kill(second.service)
      const [overdue] = yield* stored(dataDir)
      assert.strictEqual(overdue?.escalation, "overdue")
      const overdueFired = overdue!.history.find((h) => h.note === "overdue")!.at
      assert.isAtLeast(overdueFired.epochMillis, deadlines.overdueAt.epochMillis, "not before its deadline")

      const third = yield* boot
      const thirdReady = Date.now()
      // waits until 20 s past the deadline (not 20 s from now: the deadline may still be 25 s away)
      const untilAtRisk = Math.max(0, deadlines.atRiskAt.epochMillis - Date.now()) + 20_000
      yield* WebhookReceiver.eventually("the customer told the line is at risk", () => events(receiver, "supply.dropship.atRisk").length === 1, untilAtRisk)
      const [atRisk] = yield* stored(dataDir)
      const atRiskFired = atRisk!.history.find((h) => h.note === "atRisk")!.at
      assert.isAtLeast(atRiskFired.epochMillis, deadlines.atRiskAt.epochMillis, "not before its deadline")
      assert.isBelow(thirdReady, deadlines.atRiskAt.epochMillis, "the third process was up before the second deadline")
      assert.isBelow(atRiskFired.epochMillis - deadlines.atRiskAt.epochMillis, 2000, "at its deadline (the process was up)")

      const confirmed = yield* call(third.port, "POST", `/vendor-callbacks/dropship/${callbackToken}`, { body: { carrier: "DHL", trackingNumber: "JD014600", quantity: 5 } })
      assert.deepStrictEqual([confirmed.status, confirmed.body["_tag"], confirmed.body["remaining"]], [202, "ShipmentRecorded", 0])
      yield* WebhookReceiver.eventually("the dropship fulfilled", Effect.map(stored(dataDir), ([d]) => d?.state === "Fulfilled"), 20_000)
      const again = yield* call(third.port, "POST", `/vendor-callbacks/dropship/${callbackToken}`, { body: { carrier: "DHL", trackingNumber: "JD014600", quantity: 5 } })
      assert.deepStrictEqual([again.status, again.body["_tag"]], [404, "UnknownCallbackToken"])

      yield* Effect.sleep("1 second")
      assert.strictEqual(events(receiver, "supply.dropship.overdue").length, 1, "operations told once across the restarts")
      assert.strictEqual(events(receiver, "supply.dropship.atRisk").length, 1, "the customer told once")
      assert.strictEqual(events(receiver, "supply.dropship.purchaseOrder").length, 1, "the purchase order sent once")
      const status = yield* call(third.port, "GET", "/tenants/acme/dropships/S-1/1", { token })
      const dropship = status.body["dropship"] as { state: string; invoiceId: string; history: ReadonlyArray<{ event: string; note?: string }> }
      assert.deepStrictEqual([status.status, dropship.state], [200, "Fulfilled"])
      assert.deepStrictEqual(dropship.history.map((h) => h.note ?? h.event), ["Started", "PurchaseOrderPlaced", "overdue", "atRisk", "5 by DHL JD014600", dropship.invoiceId])
    }), 120_000)
})
