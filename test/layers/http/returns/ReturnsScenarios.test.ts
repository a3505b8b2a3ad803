import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { bearerWith, createTenant } from "../../../support/Access.js"
import { type AuthServer, type AuthServices, authServers, bodyOf, type Reply, request } from "../../../support/AuthClient.js"
import { pendingAudit, pendingNotifications } from "../../../support/Intents.js"
import { arrange } from "../../../support/returns/ReturnsEngine.js"
import { eventually } from "../../../support/WebhookReceiver.js"

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text.slice(0, 2000))
  assert.strictEqual((reply.body as { _tag?: string })._tag, tag, reply.text.slice(0, 2000))
}

const scenarioOn = (server: AuthServer) => (name: string, body: () => Effect.Effect<void, unknown, AuthServices>) =>
  it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)), 60_000)

const Authorized = Schema.Struct({ rma: Schema.Struct({ id: Schema.String, state: Schema.String, receiveBy: Schema.String }) })
const Reasons = Schema.Struct({ rmaId: Schema.String, reasons: Schema.Array(Schema.Struct({ rule: Schema.String, message: Schema.String })) })
const View = Schema.Struct({
  rma: Schema.Struct({ state: Schema.String, history: Schema.Array(Schema.Struct({ state: Schema.String })) }),
  amounts: Schema.Struct({ refund: Schema.Struct({ amount: Schema.Number }), credited: Schema.Struct({ amount: Schema.Number }) })
})
const Page = Schema.Struct({ rmas: Schema.Array(Schema.Struct({ id: Schema.String, state: Schema.String })), nextCursor: Schema.optional(Schema.String) })

for (const server of authServers) {
  describe(`returns over HTTP: ${server.name}`, () => {
    const scenario = scenarioOn(server)

    scenario("request, reject, receive, inspect, settle and close an RMA; list and page; bad input and wrong states", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        yield* arrange
        const { token: bearer } = yield* bearerWith("returns@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        const ask = (body: unknown) => request("POST", "/tenants/acme/rmas", { bearer, body })

        const over = yield* ask({ salesOrderId: "S-1", lineNo: 1, quantity: 5, reason: "too big" })
        expect(over, 422, "Rejected")
        assert.deepStrictEqual((yield* bodyOf(over, Reasons)).reasons.map((r) => r.rule), ["quantity"])
        assert.strictEqual((yield* ask({ salesOrderId: "S-1", lineNo: "one", quantity: 0 })).status, 400)
        expect(yield* ask({ salesOrderId: "S-404", lineNo: 1, quantity: 1, reason: "x" }), 404, "NotFound")

        const created = yield* ask({ salesOrderId: "S-1", lineNo: 1, quantity: 2, reason: "too small", resolution: "refund" })
        expect(created, 201, "RmaAuthorized")
        const { rma } = yield* bodyOf(created, Authorized)
        const at = `/tenants/acme/rmas/${rma.id}`
        const view = yield* request("GET", at, { bearer })
        expect(view, 200, "RmaView")
        assert.deepStrictEqual((yield* bodyOf(view, View)).amounts, { refund: { amount: 3998 }, credited: { amount: 0 } })
        expect(yield* request("GET", "/tenants/acme/rmas/RMA-nope", { bearer }), 404, "NotFound")

        expect(yield* request("POST", `${at}/inspection`, { bearer, body: { condition: "resellable" } }), 409, "InvalidRmaTransition")
        expect(yield* request("POST", `${at}/receipt`, { bearer, body: { warehouse: "W1" } }), 200, "ReceiptRecorded")
        expect(yield* request("POST", `${at}/receipt`, { bearer, body: { warehouse: "W1" } }), 409, "InvalidRmaTransition")
        assert.strictEqual((yield* request("POST", `${at}/inspection`, { bearer, body: { condition: "resellable", override: { disposition: "scrap", reason: "" } } })).status, 400)
        assert.strictEqual((yield* request("POST", `${at}/inspection`, { bearer, body: { condition: "broken" } })).status, 400)
        expect(yield* request("POST", `${at}/inspection`, { bearer, body: { condition: "damaged", override: { disposition: "restock", reason: "only the box is dented" } } }), 200, "InspectionRecorded")

        yield* eventually("the workflow closed the RMA", Effect.map(request("GET", at, { bearer }), (r) => (r.body as { rma?: { state?: string } }).rma?.state === "Closed"), 15_000)
        const closed = yield* bodyOf(yield* request("GET", at, { bearer }), View)
        assert.deepStrictEqual(closed.rma.history.map((h) => h.state), ["Authorized", "Received", "Inspected", "Refunded", "Closed"])
        assert.deepStrictEqual(closed.amounts.credited, { amount: 3998 })

        const all = yield* bodyOf(yield* request("GET", "/tenants/acme/rmas", { bearer }), Page)
        assert.deepStrictEqual(all.rmas.map((r) => r.state), ["Rejected", "Closed"])
        const rejected = yield* bodyOf(yield* request("GET", "/tenants/acme/rmas?state=Rejected&salesOrder=S-1&sku=A", { bearer }), Page)
        assert.deepStrictEqual(rejected.rmas.map((r) => r.state), ["Rejected"])
        const first = yield* bodyOf(yield* request("GET", "/tenants/acme/rmas?limit=1", { bearer }), Page)
        const second = yield* bodyOf(yield* request("GET", `/tenants/acme/rmas?limit=1&cursor=${first.nextCursor}`, { bearer }), Page)
        assert.deepStrictEqual([first.rmas.length, second.rmas[0]?.id, second.nextCursor], [1, rma.id, undefined])
        const later = yield* bodyOf(yield* request("GET", `/tenants/acme/rmas?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { bearer }), Page)
        assert.deepStrictEqual(later.rmas, [])
        assert.strictEqual((yield* request("GET", "/tenants/acme/rmas?state=Lost&limit=0", { bearer })).status, 400)

        const audited = (yield* pendingAudit).filter((a) => a.action.startsWith("returns."))
        assert.includeMembers(audited.map((a) => `${a.action} ${a.outcome}`), [
          "returns.request Rejected", "returns.request RmaAuthorized", "returns.receive ReceiptRecorded",
          "returns.inspect InspectionRecorded", "returns.refund CreditNoteIssued", "returns.stock StockMoved", "returns.settle Closed"
        ])
        assert.strictEqual(audited.find((a) => a.action === "returns.inspect")?.reason, "only the box is dented", "the override is audited with its reason")
        const told = (yield* pendingNotifications).filter((n) => n.audience._tag === "CustomerAudience").map((n) => n.kind)
        assert.includeMembers(told, ["returns.rejected", "returns.authorized", "returns.received", "returns.inspected", "returns.refunded", "returns.closed"])
      }))
  })
}
