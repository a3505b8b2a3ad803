import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { pendingAudit, pendingNotifications } from "../../support/Intents.js"
import { bearerWith, createTenant } from "../../support/Access.js"
import { type AuthServer, type AuthServices, authServers, bodyOf, login, type Reply, request, sessionOf } from "../../support/AuthClient.js"

const Tagged = Schema.Struct({ _tag: Schema.String })
const Members = Schema.Struct({
  members: Schema.Array(Schema.Struct({ email: Schema.String, roles: Schema.Array(Schema.String), status: Schema.String, accountId: Schema.String })),
  next: Schema.optional(Schema.String)
})
const Tenants = Schema.Struct({ tenants: Schema.Array(Schema.Struct({ id: Schema.String, status: Schema.String })) })
const RegisteredBody = Schema.Struct({ _tag: Schema.Literal("Registered"), accountId: Schema.String, created: Schema.Boolean })
const Settings = Schema.Struct({ settings: Schema.Array(Schema.Struct({ key: Schema.String, value: Schema.Unknown, source: Schema.String })) })

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text)
  assert.strictEqual((reply.body as { _tag?: string })._tag, tag, reply.text)
}

const scenarioOn = (server: AuthServer) => (name: string, body: () => Effect.Effect<void, unknown, AuthServices>) =>
  it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)))

for (const server of authServers) {
  describe(`tenants, members, roles and settings over HTTP: ${server.name}`, () => {
    const scenario = scenarioOn(server)

    scenario("a platform admin creates tenants; a bad slug is 400 with the issue, a taken one 409; each sees only its tenants", () =>
      Effect.gen(function*() {
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        expect(yield* request("POST", "/tenants", { bearer: root.token, body: { id: "acme", name: "Acme" } }), 201, "TenantCreated")
        expect(yield* request("POST", "/tenants", { bearer: root.token, body: { id: "globex", name: "Globex" } }), 201, "TenantCreated")
        expect(yield* request("POST", "/tenants", { bearer: root.token, body: { id: "acme", name: "Again" } }), 409, "TenantExists")
        const bad = yield* request("POST", "/tenants", { bearer: root.token, body: { id: "Bad Slug!", name: "" } })
        assert.strictEqual(bad.status, 400, bad.text)
        assert.include(bad.text, "lower-case")
        const admin = yield* bearerWith("acme-admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        expect(yield* request("POST", "/tenants", { bearer: admin.token, body: { id: "initech", name: "Initech" } }), 403, "PermissionDenied")
        const all = yield* bodyOf(yield* request("GET", "/tenants", { bearer: root.token }), Tenants)
        assert.deepStrictEqual(all.tenants.map((t) => t.id), ["acme", "globex"])
        const own = yield* bodyOf(yield* request("GET", "/tenants", { bearer: admin.token }), Tenants)
        assert.deepStrictEqual(own.tenants.map((t) => t.id), ["acme"])
        expect(yield* request("GET", "/tenants/globex", { bearer: admin.token }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/nowhere", { bearer: root.token }), 404, "NotFound")
        expect(yield* request("GET", "/tenants/nowhere", { bearer: admin.token }), 403, "PermissionDenied")
      }))

    scenario("registering users: new accounts are invited, existing ones reused across tenants with different roles", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        yield* createTenant("globex")
        const acme = yield* bearerWith("acme-admin@example.com", [{ role: "tenant-admin", tenant: "acme" }, { role: "tenant-admin", tenant: "globex" }])
        const first = yield* request("POST", "/tenants/acme/members", { bearer: acme.token, body: { email: "  Bob@Example.com ", role: "tenant-member" } })
        const registered = yield* bodyOf(first, RegisteredBody)
        assert.strictEqual(first.status, 201)
        assert.isTrue(registered.created)
        expect(yield* request("POST", "/tenants/acme/members", { bearer: acme.token, body: { email: "bob@example.com", role: "tenant-admin" } }), 409, "AlreadyMember")
        const again = yield* bodyOf(yield* request("POST", "/tenants/globex/members", { bearer: acme.token, body: { email: "bob@example.com", role: "tenant-admin" } }), RegisteredBody)
        assert.deepStrictEqual([again.accountId, again.created], [registered.accountId, false])
        expect(yield* request("POST", "/tenants/acme/members", { bearer: acme.token, body: { email: "eve@example.com", role: "platform-admin" } }), 422, "UnknownRole")
        expect(yield* request("POST", "/tenants/acme/members", { bearer: acme.token, body: { email: "eve@example.com", role: "no-such-role" } }), 422, "UnknownRole")
        const members = yield* bodyOf(yield* request("GET", "/tenants/acme/members", { bearer: acme.token }), Members)
        assert.deepStrictEqual(members.members.map((m) => [m.email, m.status, [...m.roles]]), [
          ["acme-admin@example.com", "active", ["tenant-admin"]],
          ["bob@example.com", "invited", ["tenant-member"]]
        ])
        const welcome = (yield* pendingNotifications).filter((n) => n.kind === "tenants.welcome")
        assert.deepStrictEqual(welcome.map((n) => [n.data["setPassword"], n.category]), [[true, "security"], [true, "security"]])
        const token = String(welcome[1]?.data["token"])
        assert.notStrictEqual(token, String(welcome[0]?.data["token"]), "registering an invited account again issues a new token")
        const bobPassword = "bob's own long passphrase"
        expect(yield* request("POST", "/invitations/accept", { body: { token, password: bobPassword } }), 200, "InviteAccepted")
        const bob = yield* sessionOf(yield* login("bob@example.com", bobPassword))
        expect(yield* request("GET", "/tenants/globex", { bearer: bob.token }), 200, "TenantView")
        const after = yield* bodyOf(yield* request("GET", "/tenants/acme/members", { bearer: acme.token }), Members)
        assert.deepStrictEqual(after.members.map((m) => m.status), ["active", "active"])
        expect(yield* request("POST", "/tenants/acme/members", { bearer: acme.token, body: { email: "bob@example.com", role: "tenant-member" } }), 409, "AlreadyMember")
        const audited = (yield* pendingAudit).filter((a) => a.action === "members.register").map((a) => a.outcome)
        assert.deepStrictEqual(audited, ["Registered", "AlreadyMember", "Registered", "AlreadyMember"])
      }))

    scenario("registration can be turned off per tenant (503 FeatureDisabled)", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const admin = yield* bearerWith("acme-admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        expect(yield* request("PUT", "/tenants/acme/settings/tenants.registration.enabled", { bearer: admin.token, body: { value: false } }), 200, "SettingUpdated")
        expect(yield* request("POST", "/tenants/acme/members", { bearer: admin.token, body: { email: "bob@example.com", role: "tenant-member" } }), 503, "FeatureDisabled")
      }))

    scenario("pages members by email with a cursor", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const admin = yield* bearerWith("a-admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        for (const name of ["carol", "bob", "dave"]) {
          expect(yield* request("POST", "/tenants/acme/members", { bearer: admin.token, body: { email: `${name}@example.com`, role: "tenant-member" } }), 201, "Registered")
        }
        const first = yield* bodyOf(yield* request("GET", "/tenants/acme/members?limit=2", { bearer: admin.token }), Members)
        assert.deepStrictEqual(first.members.map((m) => m.email), ["a-admin@example.com", "bob@example.com"])
        const second = yield* bodyOf(yield* request("GET", `/tenants/acme/members?limit=2&after=${first.next}`, { bearer: admin.token }), Members)
        assert.deepStrictEqual([second.members.map((m) => m.email), second.next], [["carol@example.com", "dave@example.com"], undefined])
        assert.strictEqual((yield* request("GET", "/tenants/acme/members?limit=0", { bearer: admin.token })).status, 400)
      }))

    scenario("a role change ends the member's older sessions at once; removal ends its access to the tenant only", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        yield* createTenant("globex")
        const admin = yield* bearerWith("admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        const member = yield* bearerWith("bob@example.com", [{ role: "tenant-member", tenant: "acme" }, { role: "tenant-member", tenant: "globex" }])
        expect(yield* request("GET", "/tenants/acme", { bearer: member.token }), 200, "TenantView")
        expect(yield* request("PUT", `/tenants/acme/members/${member.accountId}/roles`, { bearer: admin.token, body: { roles: ["tenant-admin"] } }), 200, "MemberRolesChanged")
        assert.strictEqual((yield* request("GET", "/tenants/acme", { bearer: member.token })).status, 401)
        const fresh = yield* bearerWith("carol@example.com", [{ role: "tenant-member", tenant: "acme" }, { role: "tenant-member", tenant: "globex" }])
        expect(yield* request("DELETE", `/tenants/acme/members/${fresh.accountId}`, { bearer: admin.token }), 200, "MemberRemoved")
        expect(yield* request("GET", "/tenants/acme", { bearer: fresh.token }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/globex", { bearer: fresh.token }), 200, "TenantView")
        expect(yield* request("DELETE", `/tenants/acme/members/${fresh.accountId}`, { bearer: admin.token }), 404, "NotFound")
      }))

    scenario("a suspended tenant's members cannot act inside it (403 TenantNotActive) until it is reinstated", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const admin = yield* bearerWith("admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        expect(yield* request("POST", "/tenants/acme/suspension", { bearer: root.token, body: { reason: "unpaid invoice" } }), 200, "TenantView")
        expect(yield* request("GET", "/tenants/acme/members", { bearer: admin.token }), 403, "TenantNotActive")
        expect(yield* request("GET", "/tenants/acme/members", { bearer: root.token }), 200, "MemberList")
        expect(yield* request("DELETE", "/tenants/acme/suspension", { bearer: root.token }), 200, "TenantView")
        expect(yield* request("GET", "/tenants/acme/members", { bearer: admin.token }), 200, "MemberList")
        const audit = (yield* pendingAudit).filter((a) => a.action.startsWith("tenants."))
        assert.deepStrictEqual(audit.map((a) => [a.action, a.reason]), [["tenants.suspend", "unpaid invoice"], ["tenants.reinstate", "reinstated"]])
      }))

    scenario("custom roles: tenant abilities only, granted like built-in ones", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const admin = yield* bearerWith("admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        const define = (body: unknown) => request("POST", "/tenants/acme/roles", { bearer: admin.token, body })
        expect(yield* define({ name: "auditor", abilities: ["audit.read", "members.read"] }), 201, "RoleDefined")
        expect(yield* define({ name: "auditor", abilities: ["audit.read"] }), 409, "RoleExists")
        expect(yield* define({ name: "boss", abilities: ["tenants.create"] }), 422, "RoleRejected")
        expect(yield* define({ name: "tenant-admin", abilities: ["audit.read"] }), 422, "RoleRejected")
        assert.strictEqual((yield* define({ name: "x", abilities: ["no.such"] })).status, 400)
        const roles = yield* bodyOf(yield* request("GET", "/tenants/acme/roles", { bearer: admin.token }), Schema.Struct({ roles: Schema.Array(Schema.Struct({ name: Schema.String })) }))
        assert.deepStrictEqual(roles.roles.map((r) => r.name), ["platform-admin", "platform-operator", "tenant-admin", "tenant-member", "auditor"])
        const bob = yield* bearerWith("bob@example.com", [{ role: "tenant-member", tenant: "acme" }])
        expect(yield* request("GET", "/tenants/acme/members", { bearer: bob.token }), 403, "PermissionDenied")
        expect(yield* request("PUT", `/tenants/acme/members/${bob.accountId}/roles`, { bearer: admin.token, body: { roles: ["auditor"] } }), 200, "MemberRolesChanged")
        const relogged = yield* bearerWith("bob2@example.com", [{ role: "auditor", tenant: "acme" }])
        expect(yield* request("GET", "/tenants/acme/members", { bearer: relogged.token }), 200, "MemberList")
        expect(yield* request("GET", "/roles", { bearer: admin.token }), 403, "PermissionDenied")
      }))

    scenario("settings: anyone authenticated reads; writing needs settings.write, tenant overrides settings.override", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const admin = yield* bearerWith("admin@example.com", [{ role: "tenant-admin", tenant: "acme" }])
        const listed = yield* bodyOf(yield* request("GET", "/settings", { bearer: admin.token }), Settings)
        assert.isTrue(listed.settings.some((s) => s.key === "auth.login.enabled" && s.value === true))
        expect(yield* request("PUT", "/settings/platform.displayName", { bearer: admin.token, body: { value: "Mine" } }), 403, "PermissionDenied")
        expect(yield* request("PUT", "/settings/platform.displayName", { bearer: root.token, body: { value: " Acme Admin " } }), 200, "SettingUpdated")
        expect(yield* request("PUT", "/settings/no.such", { bearer: root.token, body: { value: 1 } }), 404, "UnknownSetting")
        expect(yield* request("PUT", "/settings/auth.session.idleTimeoutMinutes", { bearer: root.token, body: { value: 0 } }), 422, "InvalidSettingValue")
        expect(yield* request("PUT", "/tenants/acme/settings/auth.login.enabled", { bearer: admin.token, body: { value: false } }), 422, "SettingNotOverridable")
        expect(yield* request("PUT", "/tenants/acme/settings/modules.installation.enabled", { bearer: admin.token, body: { value: false } }), 200, "SettingUpdated")
        const tenant = yield* bodyOf(yield* request("GET", "/tenants/acme/settings", { bearer: admin.token }), Settings)
        const flag = tenant.settings.find((s) => s.key === "modules.installation.enabled")
        assert.deepStrictEqual([flag?.value, flag?.source], [false, "tenant"])
        assert.strictEqual(listed.settings.find((s) => s.key === "platform.displayName")?.source, "default")
        const after = yield* bodyOf(yield* request("GET", "/settings", { bearer: admin.token }), Settings)
        assert.strictEqual(after.settings.find((s) => s.key === "platform.displayName")?.value, "Acme Admin")
        assert.strictEqual((yield* bodyOf(yield* request("GET", "/settings"), Tagged))._tag, "Unauthorized")
      }))
  })
}
