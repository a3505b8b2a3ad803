import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { bearerWith, createTenant } from "../../support/Access.js"
import { type AuthServer, type AuthServices, authServers, bodyOf, type Reply, request } from "../../support/AuthClient.js"
import { pendingAudit } from "../../support/Intents.js"

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text.slice(0, 2000))
  assert.strictEqual((reply.body as { _tag?: string })._tag, tag, reply.text.slice(0, 2000))
}

const scenarioOn = (server: AuthServer) => (name: string, body: () => Effect.Effect<void, unknown, AuthServices>) =>
  it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)), 60_000)

const Profile = Schema.Struct({ buckets: Schema.Array(Schema.Struct({ date: Schema.String, cumulativeAtp: Schema.Number })) })
const Suggested = Schema.Struct({ suggestions: Schema.Array(Schema.Struct({ sku: Schema.String, quantity: Schema.Number })) })
const Drafted = Schema.Struct({ orders: Schema.Array(Schema.Struct({ id: Schema.String, status: Schema.String })) })
const Reserved = Schema.Struct({ transfers: Schema.Array(Schema.Struct({ id: Schema.String, sku: Schema.String, from: Schema.String, to: Schema.String })) })
const Capitalised = Schema.Struct({ total: Schema.Struct({ amount: Schema.Number }), toInventory: Schema.Struct({ amount: Schema.Number }), toCogs: Schema.Struct({ amount: Schema.Number }) })
const Issues = Schema.Struct({ issues: Schema.Array(Schema.Struct({ path: Schema.Array(Schema.Union(Schema.String, Schema.Number)) })) })

const freight = { id: "FRT-77", kind: "freight", basis: "weight", amount: { amount: 12_000, currency: "EUR" } }
const duty = { id: "DUT-77", kind: "duty", basis: "value", amount: { amount: 4_321, currency: "EUR" } }

for (const server of authServers) {
  describe(`supply planning over HTTP: ${server.name}`, () => {
    const scenario = scenarioOn(server)

    scenario("the sample data, then every capability: ATP and promise, suggestions and approval, balancing and transfers, landed costs", () =>
      Effect.gen(function*() {
        yield* createTenant("demo")
        const { token: bearer } = yield* bearerWith("ops@example.com", [{ role: "tenant-admin", tenant: "demo" }])
        expect(yield* request("POST", "/tenants/demo/supply/sample", { bearer }), 201, "SupplyDataLoaded")
        expect(yield* request("POST", "/tenants/demo/supply/sample", { bearer }), 409, "AlreadyPosted")
        const atp = yield* request("GET", "/tenants/demo/atp?item=TUBE-700C&warehouse=AMS&horizon=21", { bearer })
        expect(atp, 200, "AtpProfile")
        const profile = yield* bodyOf(atp, Profile)
        assert.strictEqual(profile.buckets.length, 21)
        const most = profile.buckets.at(-1)?.cumulativeAtp ?? 0
        const wantedOn = profile.buckets[1]?.date ?? ""
        expect(yield* request("POST", "/tenants/demo/atp/promise", { bearer, body: { item: "TUBE-700C", warehouse: "AMS", quantity: 1, wantedOn } }), 200, "Promisable")
        expect(yield* request("POST", "/tenants/demo/atp/promise", { bearer, body: { item: "TUBE-700C", warehouse: "AMS", quantity: most + 1, wantedOn } }), 200, "CannotPromise")
        const suggestions = yield* request("GET", "/tenants/demo/replenishment/suggestions?warehouse=AMS", { bearer })
        expect(suggestions, 200, "Suggestions")
        assert.isAbove((yield* bodyOf(suggestions, Suggested)).suggestions.length, 0)
        const drafted = yield* request("POST", "/tenants/demo/replenishment/approve", { bearer, body: { warehouse: "AMS" } })
        expect(drafted, 201, "PurchaseOrdersDrafted")
        assert.isTrue((yield* bodyOf(drafted, Drafted)).orders.every((o) => o.status === "draft"))
        expect(yield* request("POST", "/tenants/demo/replenishment/approve", { bearer, body: { warehouse: "AMS" } }), 409, "NothingToSuggest")
        expect(yield* request("GET", "/tenants/demo/balancing/proposals", { bearer }), 200, "BalancingProposals")
        const reserved = yield* request("POST", "/tenants/demo/balancing/approve", { bearer, body: { items: ["TIRE-700C"] } })
        expect(reserved, 201, "TransfersReserved")
        const transfer = (yield* bodyOf(reserved, Reserved)).transfers[0]
        assert.deepStrictEqual([transfer?.sku, transfer?.from, transfer?.to], ["TIRE-700C", "BER", "MAD"])
        expect(yield* request("POST", `/tenants/demo/transfers/${transfer?.id}/receive`, { bearer }), 409, "InvalidTransferTransition")
        expect(yield* request("POST", `/tenants/demo/transfers/${transfer?.id}/ship`, { bearer }), 200, "TransferShipped")
        expect(yield* request("POST", `/tenants/demo/transfers/${transfer?.id}/receive`, { bearer }), 200, "TransferReceived")
        const capitalised = yield* request("POST", "/tenants/demo/receipts/R-1001/landed-costs", { bearer, body: { documents: [freight, duty] } })
        expect(capitalised, 201, "LandedCostsCapitalised")
        const figures = yield* bodyOf(capitalised, Capitalised)
        assert.deepStrictEqual([figures.total.amount, figures.toInventory.amount + figures.toCogs.amount], [16_321, 16_321])
        expect(yield* request("POST", "/tenants/demo/receipts/R-1001/landed-costs", { bearer, body: { documents: [freight] } }), 409, "AlreadyCapitalised")
        expect(yield* request("POST", "/tenants/demo/receipts/R-404/landed-costs", { bearer, body: { documents: [{ ...freight, id: "F-2" }] } }), 404, "NotFound")
        expect(yield* request("GET", "/tenants/demo/receipts/R-1001", { bearer }), 200, "ReceiptView")
        expect(yield* request("GET", "/tenants/demo/stock?item=TIRE-700C", { bearer }), 200, "StockReport")
        const actions = new Set((yield* pendingAudit).map((a) => a.action))
        for (const action of ["supply.load", "supply.receipt.post", "supply.replenishment.approve", "supply.balancing.approve", "supply.transfer.ship", "supply.transfer.receive", "supply.landed-cost.capitalise"]) {
          assert.isTrue(actions.has(action), action)
        }
      }))

    scenario("bad input gets 400 with every issue; another tenant's admin gets 403; an unknown item 404", () =>
      Effect.gen(function*() {
        yield* createTenant("demo")
        yield* createTenant("rival")
        const { token: bearer } = yield* bearerWith("ops@example.com", [{ role: "tenant-admin", tenant: "demo" }])
        const rival = yield* bearerWith("rival@example.com", [{ role: "tenant-admin", tenant: "rival" }])
        const bad = yield* request("POST", "/tenants/demo/atp/promise", { bearer, body: { item: "", warehouse: "AMS", quantity: -1, wantedOn: "2025-02-30" } })
        assert.strictEqual(bad.status, 400, bad.text)
        assert.sameMembers((yield* bodyOf(bad, Issues)).issues.map((i) => i.path.join(".")), ["item", "quantity", "wantedOn"])
        const badCost = yield* request("POST", "/tenants/demo/receipts/R-1/landed-costs", { bearer, body: { documents: [{ ...freight, basis: "mood", amount: { amount: 1.5, currency: "eur" } }] } })
        assert.strictEqual(badCost.status, 400, badCost.text)
        expect(yield* request("POST", "/tenants/demo/supply/sample", { bearer: rival.token }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/demo/atp?item=TUBE-700C&warehouse=AMS", { bearer: rival.token }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/demo/atp?item=TUBE-700C&warehouse=AMS", { bearer }), 404, "NotFound")
      }))
  })
}
