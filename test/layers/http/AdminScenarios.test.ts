import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { bearerWith } from "../../support/Access.js"
import { type AuthServer, type AuthServices, authServers, bodyOf, login, loginAs, type Reply, request } from "../../support/AuthClient.js"
import { pendingNotifications } from "../../support/Intents.js"

const password = "a long test passphrase, not common"
const Issued = Schema.Struct({ token: Schema.String })
const AdminBody = Schema.Struct({
  _tag: Schema.Literal("Admin"),
  email: Schema.String,
  status: Schema.String,
  roles: Schema.Array(Schema.String),
  totpEnabled: Schema.Boolean,
  lastLoginAt: Schema.NullOr(Schema.String)
})
const AdminListBody = Schema.Struct({ _tag: Schema.Literal("AdminList"), admins: Schema.Array(AdminBody) })
const InvitedBody = Schema.Struct({ _tag: Schema.Literal("AdminInvited"), accountId: Schema.String, role: Schema.String, expiresAt: Schema.String })

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text)
  assert.strictEqual((reply.body as { _tag?: string })._tag, tag, reply.text)
}

/** The token of the latest `admins.invited` notification to `email` (what the webhook or the log channel delivers). */
const invitationTo = (email: string) =>
  Effect.map(pendingNotifications, (intents) => {
    const data = intents.filter((i) => i.kind === "admins.invited" && i.data["email"] === email).at(-1)?.data
    return typeof data?.["token"] === "string" ? data["token"] : assert.fail(`no invitation to ${email}`)
  })

const me = (bearer: string) => request("GET", "/me", { bearer })

const scenarioOn = (server: AuthServer) => (name: string, body: () => Effect.Effect<void, unknown, AuthServices>) =>
  it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)))

for (const server of authServers) {
  describe(`admins over HTTP: ${server.name}`, () => {
    const scenario = scenarioOn(server)

    scenario("an admin with three sessions and an API token is suspended: the next request on each is 401, and stays 401 after reinstatement", () =>
      Effect.gen(function*() {
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const ada = yield* bearerWith("ada@example.com", [{ role: "platform-admin" }], password)
        const sessions = [ada.token, (yield* loginAs("ada@example.com", password)).token, (yield* loginAs("ada@example.com", password)).token]
        const issued = yield* request("POST", "/me/tokens", { bearer: ada.token, body: { name: "ci" } })
        const { token } = yield* bodyOf(issued, Issued)
        const bearers = [...sessions, token]
        for (const bearer of bearers) assert.strictEqual((yield* me(bearer)).status, 200)

        const suspended = yield* request("POST", `/admins/${ada.accountId}/suspension`, { bearer: root.token, body: { reason: "laptop stolen" } })
        expect(suspended, 200, "AdminSuspended")
        assert.deepStrictEqual(suspended.body, { _tag: "AdminSuspended", accountId: ada.accountId, status: "suspended", sessionsEnded: 3, tokensRevoked: 1 })
        for (const bearer of bearers) assert.strictEqual((yield* me(bearer)).status, 401, bearer.slice(0, 10))
        expect(yield* login("ada@example.com", password), 403, "AccountNotActive")

        expect(yield* request("DELETE", `/admins/${ada.accountId}/suspension`, { bearer: root.token }), 200, "AdminReinstated")
        for (const bearer of bearers) assert.strictEqual((yield* me(bearer)).status, 401, "old sessions and tokens stay dead")
        assert.strictEqual((yield* me((yield* loginAs("ada@example.com", password)).token)).status, 200, "a new login works")
        const kinds = (yield* pendingNotifications).filter((n) => n.audience._tag === "AccountAudience" && n.audience.accountId === ada.accountId).map((n) => n.kind)
        assert.includeMembers(kinds, ["admins.suspended", "admins.reinstated"])
      }))

    scenario("invite (201) → accept without a bearer (200) → log in; the token is single use (410); a weak password is 422", () =>
      Effect.gen(function*() {
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const invited = yield* request("POST", "/admins/invitations", { bearer: root.token, body: { email: "Grace@Example.com", displayName: "Grace" } })
        assert.strictEqual(invited.status, 201, invited.text)
        const { accountId, role } = yield* bodyOf(invited, InvitedBody)
        assert.strictEqual(role, "platform-operator")
        assert.notInclude(invited.text, "baton_inv_", "the inviter never sees the token")
        const token = yield* invitationTo("grace@example.com")
        expect(yield* request("POST", "/invitations/accept", { body: { token, password: "password1234" } }), 422, "PasswordRejected")
        expect(yield* request("POST", "/invitations/accept", { body: { token, password } }), 200, "InviteAccepted")
        expect(yield* request("POST", "/invitations/accept", { body: { token, password } }), 410, "InviteInvalid")
        expect(yield* request("POST", "/invitations/accept", { body: { token: "baton_inv_nope", password } }), 410, "InviteInvalid")
        assert.strictEqual((yield* request("POST", "/invitations/accept", { body: { token } })).status, 400)
        const grace = yield* loginAs("grace@example.com", password)
        const self = yield* bodyOf(yield* request("GET", `/admins/${accountId}`, { bearer: grace.token }), AdminBody)
        assert.deepStrictEqual([self.status, self.roles], ["active", ["platform-operator"]])
        expect(yield* request("POST", "/admins/invitations", { bearer: grace.token, body: { email: "x@example.com", displayName: "X" } }), 403, "PermissionDenied")
        expect(yield* request("POST", "/admins/invitations", { bearer: root.token, body: { email: "grace@example.com", displayName: "G" } }), 409, "EmailTaken")
        expect(yield* request("POST", "/admins/invitations", { bearer: root.token, body: { email: "nope", displayName: "N" } }), 422, "ValidationFailed")
      }))

    scenario("GET /admins lists the platform admins with status, roles, TOTP and last login; GET /admins/{id} is 404 for others", () =>
      Effect.gen(function*() {
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const ops = yield* bearerWith("ops@example.com", [{ role: "platform-operator" }])
        const user = yield* bearerWith("user@example.com", [])
        yield* request("POST", "/admins/invitations", { bearer: root.token, body: { email: "grace@example.com", displayName: "Grace", role: "platform-admin" } })
        const listed = yield* bodyOf(yield* request("GET", "/admins", { bearer: ops.token }), AdminListBody)
        assert.deepStrictEqual(listed.admins.map((a) => [a.email, a.status, a.roles.join(","), a.totpEnabled, a.lastLoginAt !== null]), [
          ["grace@example.com", "invited", "platform-admin", false, false],
          ["ops@example.com", "active", "platform-operator", false, true],
          ["root@example.com", "active", "platform-admin", false, true]
        ])
        expect(yield* request("GET", `/admins/${user.accountId}`, { bearer: root.token }), 404, "NotFound")
        expect(yield* request("GET", "/admins", { bearer: user.token }), 403, "PermissionDenied")
        assert.strictEqual((yield* request("GET", "/admins/a.b", { bearer: root.token })).status, 400)
      }))

    scenario("409 CannotTargetSelf and InvalidTransition; disabling is terminal; 404 for an unknown account", () =>
      Effect.gen(function*() {
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const ada = yield* bearerWith("ada@example.com", [{ role: "platform-operator" }])
        expect(yield* request("POST", `/admins/${root.accountId}/suspension`, { bearer: root.token, body: { reason: "x" } }), 409, "CannotTargetSelf")
        expect(yield* request("DELETE", `/admins/${root.accountId}/roles/platform-admin`, { bearer: root.token }), 409, "CannotTargetSelf")
        expect(yield* request("DELETE", `/admins/${ada.accountId}/suspension`, { bearer: root.token }), 409, "InvalidTransition")
        expect(yield* request("POST", `/admins/${ada.accountId}/disable`, { bearer: root.token, body: { reason: "left" } }), 200, "AdminDisabled")
        const again = yield* request("POST", `/admins/${ada.accountId}/suspension`, { bearer: root.token, body: { reason: "x" } })
        assert.deepStrictEqual([again.status, again.body], [409, { _tag: "InvalidTransition", from: "disabled", to: "suspended" }])
        expect(yield* request("POST", "/admins/nobody/disable", { bearer: root.token, body: { reason: "x" } }), 404, "NotFound")
        assert.strictEqual((yield* request("POST", `/admins/${ada.accountId}/suspension`, { bearer: root.token, body: { reason: " " } })).status, 400)
      }))

    scenario("PUT and DELETE a platform role: the grantee's sessions end at once (401); 404 for a role not held; 400 for a tenant role", () =>
      Effect.gen(function*() {
        const root = yield* bearerWith("root@example.com", [{ role: "platform-admin" }])
        const ada = yield* bearerWith("ada@example.com", [{ role: "platform-operator" }], password)
        const granted = yield* request("PUT", `/admins/${ada.accountId}/roles/platform-admin`, { bearer: root.token })
        assert.deepStrictEqual([granted.status, granted.body], [200, { _tag: "PlatformRoleGranted", accountId: ada.accountId, role: "platform-admin", changed: true }])
        assert.strictEqual((yield* me(ada.token)).status, 401)
        const fresh = yield* loginAs("ada@example.com", password)
        expect(yield* request("DELETE", `/admins/${root.accountId}/roles/platform-admin`, { bearer: fresh.token }), 200, "PlatformRoleRevoked")
        assert.strictEqual((yield* me(root.token)).status, 401)
        expect(yield* request("DELETE", `/admins/${root.accountId}/roles/platform-admin`, { bearer: fresh.token }), 404, "NotFound")
        assert.strictEqual((yield* request("PUT", `/admins/${root.accountId}/roles/tenant-admin`, { bearer: fresh.token })).status, 400)
      }))

    scenario("two admins suspend each other at once: one 200, the other refused (403 or 401), and one active admin remains", () =>
      Effect.gen(function*() {
        const a = yield* bearerWith("a@example.com", [{ role: "platform-admin" }])
        const b = yield* bearerWith("b@example.com", [{ role: "platform-admin" }])
        const replies = yield* Effect.all([
          request("POST", `/admins/${b.accountId}/suspension`, { bearer: a.token, body: { reason: "race" } }),
          request("POST", `/admins/${a.accountId}/suspension`, { bearer: b.token, body: { reason: "race" } })
        ], { concurrency: "unbounded" })
        const statuses = replies.map((r) => r.status).sort()
        assert.strictEqual(statuses[0], 200, replies.map((r) => r.text).join(" | "))
        assert.oneOf(statuses[1], [401, 403, 409], replies.map((r) => r.text).join(" | "))
        const survivor = replies[0]!.status === 200 ? a : b
        const listed = yield* bodyOf(yield* request("GET", "/admins", { bearer: survivor.token }), AdminListBody)
        assert.deepStrictEqual(listed.admins.map((x) => x.status).sort(), ["active", "suspended"])
      }))
  })
}
