import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { bearerWith, createTenant } from "../../support/Access.js"
import { request } from "../../support/AuthClient.js"
import { deliverAll, servers, type Services } from "../../support/Deliveries.js"
import { pendingAudit } from "../../support/Intents.js"

const Created = Schema.Struct({
  _tag: Schema.Literal("WebhookEndpointCreated"),
  secret: Schema.String,
  endpoint: Schema.Struct({ id: Schema.String, url: Schema.String, kinds: Schema.Array(Schema.String) })
})
const Listed = Schema.Struct({ endpoints: Schema.Array(Schema.Struct({ id: Schema.String, url: Schema.String })) })

const preferences = (bearer: string, body?: unknown) =>
  request(body === undefined ? "GET" : "PUT", "/me/notification-preferences", body === undefined ? { bearer } : { bearer, body })

const scenarios = (name: string, layer: (typeof servers)[number]["layer"]) => (title: string, body: () => Effect.Effect<void, unknown, Services>) =>
  it.live(`${title} (${name})`, () => Effect.suspend(body).pipe(Effect.provide(layer)))

for (const server of servers) {
  describe(`notification preferences and tenant webhooks over HTTP: ${server.name}`, () => {
    const scenario = scenarios(server.name, server.layer)

    scenario("an account mutes operations or info notifications by category or kind; security ones it cannot, and is told so", () =>
      Effect.gen(function*() {
        const { token } = yield* bearerWith("ada@example.com", [])
        const initial = yield* preferences(token)
        assert.deepStrictEqual([initial.status, initial.body], [200, {
          _tag: "NotificationPreferences",
          mutedCategories: [],
          mutedKinds: [],
          mandatory: ["security"],
          updatedAt: null
        }])
        const set = yield* preferences(token, { mutedCategories: ["info", "info"], mutedKinds: ["settings", "members.added"] })
        assert.strictEqual(set.status, 200, set.text)
        assert.deepInclude((set.body as { preferences: object }).preferences, { mutedCategories: ["info"], mutedKinds: ["settings", "members.added"] })
        for (const [body, refused] of [
          [{ mutedCategories: ["security"], mutedKinds: [] }, ["security"]],
          [{ mutedCategories: ["operations"], mutedKinds: ["auth.newDevice"] }, ["auth.newDevice"]],
          [{ mutedCategories: [], mutedKinds: ["auth", "admins.suspended"] }, ["auth", "admins.suspended"]]
        ] as const) {
          const reply = yield* preferences(token, body)
          assert.deepStrictEqual([reply.status, reply.body], [422, {
            _tag: "SecurityNotificationsMandatory",
            message: "security notifications cannot be turned off",
            refused
          }])
        }
        const kept = yield* preferences(token)
        assert.deepInclude(kept.body as object, { mutedCategories: ["info"], mutedKinds: ["settings", "members.added"] })
        assert.strictEqual((yield* preferences(token, { mutedCategories: ["loud"], mutedKinds: ["Not A Kind"] })).status, 400)
        const audited = (yield* pendingAudit).filter((a) => a.action === "notifications.preferences.set").map((a) => a.outcome)
        assert.deepStrictEqual(audited, ["PreferencesUpdated", "SecurityNotificationsMandatory", "SecurityNotificationsMandatory", "SecurityNotificationsMandatory"])
      }))

    scenario("a tenant admin adds, lists and removes its tenant's endpoints; the secret is shown once; others get 403 and change nothing", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        yield* createTenant("globex")
        const admin = (yield* bearerWith("admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])).token
        const member = (yield* bearerWith("member@example.com", [{ role: "tenant-member", tenant: "acme" }])).token
        const created = yield* request("POST", "/tenants/acme/webhooks", { bearer: admin, body: { url: "https://hooks.example.com/a", kinds: ["settings"] } })
        assert.strictEqual(created.status, 201, created.text)
        const { endpoint, secret } = Schema.decodeUnknownSync(Created)(created.body)
        assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/)
        assert.deepStrictEqual(endpoint.kinds, ["settings"])
        const local = yield* request("POST", "/tenants/acme/webhooks", { bearer: admin, body: { url: "http://127.0.0.1:9/hooks" } })
        assert.strictEqual(local.status, 201, local.text)
        for (const url of ["http://hooks.example.com/a", "https://user:pw@hooks.example.com/", "not a url", "ftp://hooks.example.com/"]) {
          const rejected = yield* request("POST", "/tenants/acme/webhooks", { bearer: admin, body: { url } })
          assert.strictEqual(rejected.status, 422, `${url}: ${rejected.text}`)
        }
        const before = yield* pendingAudit
        for (const [bearer, tenant] of [[member, "acme"], [admin, "globex"]] as const) {
          const refused = yield* request("POST", `/tenants/${tenant}/webhooks`, { bearer, body: { url: "https://evil.example.com/" } })
          assert.deepStrictEqual([refused.status, refused.body], [403, { _tag: "PermissionDenied", ability: "webhooks.manage" }])
          const listing = yield* request("GET", `/tenants/${tenant}/webhooks`, { bearer })
          assert.strictEqual(listing.status, 403)
          assert.strictEqual((yield* request("DELETE", `/tenants/acme/webhooks/${endpoint.id}`, { bearer: member })).status, 403)
        }
        const denials = (yield* pendingAudit).slice(before.length)
        assert.isTrue(denials.length === 6 && denials.every((a) => a.action === "webhooks.manage" && a.outcome === "PermissionDenied"))
        const listed = yield* request("GET", "/tenants/acme/webhooks", { bearer: admin })
        assert.strictEqual(listed.status, 200)
        assert.notInclude(listed.text, secret, "the secret is shown once")
        assert.deepStrictEqual(Schema.decodeUnknownSync(Listed)(listed.body).endpoints.map((e) => e.url), ["https://hooks.example.com/a", "http://127.0.0.1:9/hooks"])
        assert.strictEqual((yield* request("DELETE", `/tenants/acme/webhooks/${endpoint.id}`, { bearer: admin })).status, 204)
        const again = yield* request("DELETE", `/tenants/acme/webhooks/${endpoint.id}`, { bearer: admin })
        assert.deepStrictEqual([again.status, again.body], [404, { _tag: "NotFound", entity: "webhook endpoint", id: endpoint.id }])
        const after = Schema.decodeUnknownSync(Listed)((yield* request("GET", "/tenants/acme/webhooks", { bearer: admin })).body)
        assert.deepStrictEqual(after.endpoints.map((e) => e.url), ["http://127.0.0.1:9/hooks"])
        yield* deliverAll
        const unknown = yield* request("GET", "/tenants/nope/webhooks", { bearer: admin })
        assert.strictEqual(unknown.status, 403, "an unknown tenant looks like any other one the caller may not manage")
      }))
  })
}
