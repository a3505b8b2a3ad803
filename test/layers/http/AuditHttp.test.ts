import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { ChannelRecorder } from "../../../src/layers/memory/RecordingNotificationChannels.js"
import { bearerWith, createTenant } from "../../support/Access.js"
import { AuditTamper } from "../../support/AuditTamper.js"
import { type Reply, request } from "../../support/AuthClient.js"
import { deliverAll, servers, type Services } from "../../support/Deliveries.js"

const Page = Schema.Struct({
  _tag: Schema.Literal("AuditPage"),
  records: Schema.Array(Schema.Struct({
    sequence: Schema.Number,
    action: Schema.String,
    outcome: Schema.String,
    tenantId: Schema.optional(Schema.String),
    target: Schema.optional(Schema.Struct({ type: Schema.String, id: Schema.String })),
    reason: Schema.optional(Schema.String),
    hash: Schema.String,
    previousHash: Schema.String
  })),
  nextCursor: Schema.NullOr(Schema.String)
})
type Page = typeof Page.Type

const pageOf = (reply: Reply): Page => {
  assert.strictEqual(reply.status, 200, reply.text)
  return Schema.decodeUnknownSync(Page)(reply.body)
}
const audit = (bearer: string, query = "") => Effect.map(request("GET", `/audit${query}`, { bearer }), pageOf)
const addWebhook = (bearer: string, tenant: string) =>
  request("POST", `/tenants/${tenant}/webhooks`, { bearer, body: { url: `https://hooks.example.com/${tenant}` } })

const scenarios = (name: string, layer: (typeof servers)[number]["layer"]) => (title: string, body: () => Effect.Effect<void, unknown, Services>) =>
  it.live(`${title} (${name})`, () => Effect.suspend(body).pipe(Effect.provide(layer)))

/** A platform admin, an admin of acme, a member of acme; acme and globex each with a webhook (tenant records). */
const arrange = Effect.gen(function*() {
  yield* createTenant("acme")
  yield* createTenant("globex")
  const root = (yield* bearerWith("root@example.com", [{ role: "platform-admin" }])).token
  const acmeAdmin = (yield* bearerWith("acme@example.com", [{ role: "tenant-admin", tenant: "acme" }])).token
  const member = yield* bearerWith("member@example.com", [{ role: "tenant-member", tenant: "acme" }])
  assert.strictEqual((yield* addWebhook(root, "acme")).status, 201)
  assert.strictEqual((yield* addWebhook(root, "globex")).status, 201)
  yield* deliverAll
  return { root, acmeAdmin, member }
})

for (const server of servers) {
  describe(`GET /audit and /audit/verify over HTTP: ${server.name}`, () => {
    const scenario = scenarios(server.name, server.layer)

    scenario("platform-wide grants see every record; a tenant admin only its tenants'; an actor with no reach gets 403, audited", () =>
      Effect.gen(function*() {
        const { acmeAdmin, member, root } = yield* arrange
        const all = yield* audit(root, "?limit=500")
        assert.includeMembers(all.records.map((r) => r.tenantId ?? "platform"), ["platform", "acme", "globex"])
        assert.isTrue(all.records.some((r) => r.action === "auth.login" && r.tenantId === undefined))
        const acme = yield* audit(acmeAdmin, "?limit=500")
        assert.isTrue(acme.records.length > 0 && acme.records.every((r) => r.tenantId === "acme"))
        assert.deepStrictEqual(acme.records.map((r) => r.action), ["webhooks.create"])
        const outside = yield* request("GET", "/audit?tenant=globex", { bearer: acmeAdmin })
        assert.deepStrictEqual([outside.status, outside.body], [403, { _tag: "PermissionDenied", ability: "audit.read" }])
        const denied = yield* request("GET", "/audit", { bearer: member.token })
        assert.deepStrictEqual([denied.status, denied.body], [403, { _tag: "PermissionDenied", ability: "audit.read" }])
        yield* deliverAll
        const refusals = yield* audit(root, "?action=audit.read&outcome=PermissionDenied&order=asc")
        assert.deepStrictEqual(refusals.records.map((r) => [r.target?.id, r.reason]), [
          ["tenant:globex", "no role of the account grants audit.read in tenant:globex"],
          ["platform", "no platform role of the account grants audit.read"]
        ])
      }))

    scenario("filters, and pages by sequence with an opaque cursor: every record once, in order", () =>
      Effect.gen(function*() {
        const { root } = yield* arrange
        const filtered = yield* audit(root, "?action=webhooks.create&tenant=acme")
        assert.deepStrictEqual(filtered.records.map((r) => [r.action, r.tenantId]), [["webhooks.create", "acme"]])
        const everything = (yield* audit(root, "?limit=500")).records.map((r) => r.sequence)
        const seen: Array<number> = []
        let cursor: string | null = ""
        while (cursor !== null) {
          const page: Page = yield* audit(root, `?limit=2${cursor === "" ? "" : `&cursor=${cursor}`}`)
          assert.isAtMost(page.records.length, 2)
          seen.push(...page.records.map((r) => r.sequence))
          cursor = page.nextCursor
        }
        assert.deepStrictEqual(seen, everything)
        assert.deepStrictEqual([...everything].sort((a, b) => b - a), everything, "newest first")
        const ascending = yield* audit(root, "?order=asc&limit=3")
        assert.deepStrictEqual(ascending.records.map((r) => r.sequence), [1, 2, 3])
        assert.strictEqual(ascending.records[1]?.previousHash, ascending.records[0]?.hash)
        for (const bad of ["?limit=501", "?limit=0", "?cursor=%21%21", "?from=yesterday"]) {
          assert.strictEqual((yield* request("GET", `/audit${bad}`, { bearer: root })).status, 400, bad)
        }
      }))

    scenario("/audit/verify reports the chain intact, then the edited record an intruder changed in storage; operators are alerted", () =>
      Effect.gen(function*() {
        const { acmeAdmin, root } = yield* arrange
        const intact = yield* request("GET", "/audit/verify", { bearer: root })
        assert.strictEqual(intact.status, 200, intact.text)
        const { head, records } = Schema.decodeUnknownSync(Schema.Struct({ records: Schema.Number, head: Schema.Struct({ sequence: Schema.Number, hash: Schema.String }) }))(intact.body)
        assert.isTrue(records > 3 && head.sequence === records && /^[0-9a-f]{64}$/.test(head.hash))
        const forbidden = yield* request("GET", "/audit/verify", { bearer: acmeAdmin })
        assert.deepStrictEqual([forbidden.status, forbidden.body], [403, { _tag: "PermissionDenied", ability: "audit.read" }])
        yield* (yield* AuditTamper).editAction(2, "nothing.to.see")
        const broken = yield* request("GET", "/audit/verify", { bearer: root })
        assert.strictEqual(broken.status, 409, broken.text)
        assert.deepInclude(broken.body as object, { _tag: "Broken", at: 2, reason: "edited" })
        yield* deliverAll
        const alerts = (yield* (yield* ChannelRecorder).delivered).filter((d) => d.record.intent.kind === "audit.chain.broken")
        assert.deepStrictEqual(alerts.map((d) => [d.channel, d.record.intent.category, d.record.intent.data["reason"]]), [
          ["log", "security", "edited"],
          ["webhook", "security", "edited"]
        ])
      }))

    scenario("/audit/verify reports a record an intruder deleted from storage", () =>
      Effect.gen(function*() {
        const { root } = yield* arrange
        yield* (yield* AuditTamper).remove(3)
        const broken = yield* request("GET", "/audit/verify", { bearer: root })
        assert.strictEqual(broken.status, 409, broken.text)
        assert.deepInclude(broken.body as object, { _tag: "Broken", at: 3, reason: "missing" })
      }))
  })
}
