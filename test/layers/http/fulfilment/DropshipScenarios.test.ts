import { assert, describe, it } from "@effect/vitest"
import { Effect, Schedule } from "effect"
import { bearerWith, createTenant } from "../../../support/Access.js"
import { type AuthServer, type AuthServices, authServers, type Reply, request } from "../../../support/AuthClient.js"
import { supplyData } from "../../../support/DropshipFixtures.js"
import { pendingNotifications } from "../../../support/Intents.js"

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text.slice(0, 2000))
  assert.strictEqual((reply.body as { _tag?: string })._tag, tag, reply.text.slice(0, 2000))
}

const scenarioOn = (server: AuthServer) => (name: string, body: () => Effect.Effect<void, unknown, AuthServices>) =>
  it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)), 60_000)

interface Status {
  readonly dropship: { readonly state: string; readonly version: number; readonly shipments: ReadonlyArray<unknown>; readonly history: ReadonlyArray<{ readonly event: string }> }
}

const status = (bearer: string, path = "/tenants/acme/dropships/S-1/1") => Effect.map(request("GET", path, { bearer }), (r) => (r.body as Status).dropship)

const awaitState = (bearer: string, state: string) =>
  status(bearer).pipe(
    Effect.filterOrFail((d) => d.state === state, () => `not ${state}`),
    Effect.retry({ schedule: Schedule.spaced("25 millis"), times: 400 })
  )

const vendorToken = (kind = "supply.dropship.purchaseOrder") =>
  Effect.map(pendingNotifications, (all) => String(all.filter((n) => n.kind === kind).at(-1)?.data["callbackToken"]))

const callback = (token: string, body: unknown) => request("POST", `/vendor-callbacks/dropship/${token}`, { body })

const arrange = Effect.gen(function*() {
  yield* createTenant("acme")
  const { token: bearer } = yield* bearerWith("ops@example.com", [{ role: "tenant-admin", tenant: "acme" }])
  expect(yield* request("POST", "/tenants/acme/supply/data", { bearer, body: supplyData }), 200, "SupplyDataLoaded")
  return bearer
})

for (const server of authServers) {
  describe(`dropship fulfilment over HTTP: ${server.name}`, () => {
    const scenario = scenarioOn(server)

    scenario("start, partial and final confirmation through the vendor callback, status, list; bad callbacks change nothing", () =>
      Effect.gen(function*() {
        const bearer = yield* arrange
        expect(yield* request("POST", "/tenants/acme/dropships", { bearer, body: { salesOrderId: "S-1", lineNo: 1 } }), 202, "DropshipStarted")
        expect(yield* request("POST", "/tenants/acme/dropships", { bearer, body: { salesOrderId: "S-1", lineNo: 2 } }), 422, "NotDropshippable")
        expect(yield* request("POST", "/tenants/acme/dropships", { bearer, body: { salesOrderId: "S-404", lineNo: 1 } }), 404, "NotFound")
        assert.strictEqual((yield* request("POST", "/tenants/acme/dropships", { bearer, body: { salesOrderId: "S-1", lineNo: 0 } })).status, 400)
        const waiting = yield* awaitState(bearer, "AwaitingVendor")
        const token = yield* vendorToken()

        expect(yield* callback("bdt_unknown", { carrier: "DHL", trackingNumber: "JD1", quantity: 1 }), 404, "UnknownCallbackToken")
        const malformed = yield* callback(token, { carrier: "", trackingNumber: "JD1", quantity: -1 })
        assert.strictEqual(malformed.status, 400, malformed.text)
        assert.isAtLeast((malformed.body as { issues: ReadonlyArray<unknown> }).issues.length, 2, "every issue reported")
        assert.strictEqual((yield* request("POST", `/vendor-callbacks/dropship/${token}`, { body: "not json" })).status, 400)
        expect(yield* callback(token, { carrier: "DHL", trackingNumber: "JD1", quantity: 6 }), 422, "OverShipment")
        assert.strictEqual((yield* status(bearer)).version, waiting.version, "nothing changed by the bad callbacks")

        const partial = yield* callback(token, { carrier: "DHL", trackingNumber: "JD1", quantity: 2, shippedOn: "2025-03-05" })
        expect(partial, 202, "ShipmentRecorded")
        const next = String((partial.body as { nextToken: string }).nextToken)
        assert.match(next, /^bdt_/)
        const before = yield* status(bearer)
        expect(yield* callback(token, { carrier: "DHL", trackingNumber: "JD1", quantity: 2 }), 404, "UnknownCallbackToken")
        assert.strictEqual((yield* status(bearer)).version, before.version, "a reused token changes nothing")
        expect(yield* request("POST", "/tenants/acme/dropships/S-1/1/cancel", { bearer, body: { reason: "late" } }), 409, "AlreadyShipped")

        expect(yield* callback(next, { carrier: "DHL", trackingNumber: "JD2", quantity: 3 }), 202, "ShipmentRecorded")
        const fulfilled = yield* awaitState(bearer, "Fulfilled")
        assert.deepStrictEqual(fulfilled.history.map((h) => h.event), ["Started", "PurchaseOrderPlaced", "ShipmentConfirmed", "ShipmentConfirmed", "Invoiced"])
        const list = yield* request("GET", "/tenants/acme/dropships?state=Fulfilled", { bearer })
        expect(list, 200, "DropshipList")
        assert.strictEqual((list.body as { dropships: ReadonlyArray<unknown> }).dropships.length, 1)
        assert.strictEqual((yield* request("GET", "/tenants/acme/dropships?state=Lost", { bearer })).status, 400)
        expect(yield* request("GET", "/tenants/acme/dropships/S-1/2", { bearer }), 404, "NotFound")
        assert.strictEqual((yield* request("GET", "/tenants/acme/dropships/S-1/first", { bearer })).status, 400)
      }))

    scenario("cancelled before shipment: 200 Cancelled, the vendor's token dead, a second cancel 409", () =>
      Effect.gen(function*() {
        const bearer = yield* arrange
        expect(yield* request("POST", "/tenants/acme/dropships", { bearer, body: { salesOrderId: "S-1", lineNo: 1 } }), 202, "DropshipStarted")
        yield* awaitState(bearer, "AwaitingVendor")
        const token = yield* vendorToken()
        expect(yield* request("POST", "/tenants/acme/dropships/S-1/1/cancel", { bearer, body: { reason: "customer cancelled" } }), 200, "Cancelled")
        expect(yield* request("POST", "/tenants/acme/dropships/S-1/1/cancel", { bearer, body: { reason: "again" } }), 409, "InvalidDropshipTransition")
        expect(yield* callback(token, { carrier: "DHL", trackingNumber: "JD1", quantity: 5 }), 404, "UnknownCallbackToken")
        const purchaseOrders = yield* request("GET", "/tenants/acme/purchase-orders?status=cancelled", { bearer })
        assert.deepStrictEqual((purchaseOrders.body as { orders: ReadonlyArray<{ id: string }> }).orders.map((o) => o.id), ["DS-S-1-1"])
      }))

    scenario("a member without supply.dropship reads but cannot start", () =>
      Effect.gen(function*() {
        yield* arrange
        const { token: member } = yield* bearerWith("member@example.com", [{ role: "tenant-member", tenant: "acme" }])
        expect(yield* request("POST", "/tenants/acme/dropships", { bearer: member, body: { salesOrderId: "S-1", lineNo: 1 } }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/acme/dropships", { bearer: member }), 200, "DropshipList")
      }))
  })
}
