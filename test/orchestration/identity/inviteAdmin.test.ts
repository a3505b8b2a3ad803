import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option, TestClock } from "effect"
import { AccessScope } from "../../../src/domain/access/AccessScope.js"
import { AdminInvited } from "../../../src/domain/identity/AdminOutcomes.js"
import type { AccountId } from "../../../src/domain/shared/Ids.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { authorize } from "../../../src/orchestration/access/authorize.js"
import { Roles } from "../../../src/orchestration/access/Roles.js"
import { acceptInvite } from "../../../src/orchestration/identity/acceptInvite.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import { inviteAdmin } from "../../../src/orchestration/identity/inviteAdmin.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { accountWith, audited, invitations, inviteTokenOf, noticesFor, signIn, statusOf } from "./adminSupport.js"
import { device } from "./support.js"

const invitee = "grace@example.com"
const chosen = "an invitee's own long passphrase"
const rolesOf = (id: AccountId) => Effect.flatMap(Roles, (roles) => Effect.map(roles.grantsOf(id), (grants) => grants.map((g) => String(g.role))))
const invited = (outcome: { readonly _tag: string }) => (outcome instanceof AdminInvited ? outcome : assert.fail(outcome._tag))
const accept = (token: string, password = chosen) => acceptInvite(token, password, device)

describe("inviteAdmin and acceptInvite", () => {
  it.effect("invites into platform-operator by default: an invited account without a password, the token only in the invitee's notification", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const actor = yield* signIn("root@example.com")
      const outcome = invited(yield* inviteAdmin(actor, { email: " Grace@Example.com", displayName: "Grace" }))
      assert.strictEqual(outcome.role, "platform-operator")
      assert.isFalse("token" in outcome, "the inviter never sees the token")
      assert.strictEqual(yield* statusOf(outcome.accountId), "invited")
      assert.deepStrictEqual(yield* rolesOf(outcome.accountId), ["platform-operator"])
      const [sent] = yield* invitations
      assert.deepStrictEqual([sent?.email, sent?.role, sent?.category, sent?.audience._tag], [invitee, "platform-operator", "security", "AccountAudience"])
      assert.match(sent?.token ?? "", /^baton_inv_[A-Za-z0-9_-]{43}$/, "256 random bits")
      assert.isTrue(DateTime.Equivalence(outcome.expiresAt, DateTime.unsafeMake(sent?.expiresAt ?? "")))
      assert.strictEqual((yield* login({ email: invitee, password: chosen, device }))._tag, "InvalidCredentials", "no password yet")
      assert.deepStrictEqual(yield* audited("admins.invite"), [["AdminInvited", ""]])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("accepting sets the password and activates the account in its invited role; the token is then used up", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const { accountId } = invited(yield* inviteAdmin(yield* signIn("root@example.com"), { email: invitee, displayName: "Grace" }))
      const token = yield* inviteTokenOf(invitee)
      assert.deepStrictEqual(yield* accept(token), { _tag: "InviteAccepted", accountId } as never)
      assert.strictEqual(yield* statusOf(accountId), "active")
      assert.deepStrictEqual((yield* accept(token))._tag, "InviteInvalid", "single use")
      const operator = yield* signIn(invitee, chosen)
      assert.isTrue(Option.isNone(yield* authorize(operator, "admins.read", AccessScope.platform)))
      assert.strictEqual(Option.getOrNull(yield* authorize(operator, "admins.invite", AccessScope.platform))?._tag, "PermissionDenied")
      assert.deepStrictEqual(yield* noticesFor(accountId), ["admins.invited", "admins.activated"])
      const listened = (yield* (yield* Outbox).list("pending", 100)).filter((l) => l.entry.destination === "listener:auth.newDevice")
      assert.include(listened.map((l) => (l.entry.intent._tag === "AuditRecord" ? l.entry.intent.intent.target?.id : "")), accountId, "the new device is told by its listener, after commit")
      assert.deepStrictEqual(yield* audited("admins.acceptInvite"), [["InviteAccepted", ""], ["InviteInvalid", "unknown, used or replaced token"]])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("an invitation lasts 72 hours: one second before it works, at 72 h it is InviteInvalid like an unknown token", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const actor = yield* signIn("root@example.com")
      yield* inviteAdmin(actor, { email: invitee, displayName: "Grace" })
      yield* inviteAdmin(actor, { email: "linus@example.com", displayName: "Linus" })
      yield* TestClock.adjust("71 hours")
      yield* TestClock.adjust("3599 seconds")
      assert.strictEqual((yield* accept(yield* inviteTokenOf(invitee)))._tag, "InviteAccepted")
      yield* TestClock.adjust("1 second")
      const expired = yield* accept(yield* inviteTokenOf("linus@example.com"))
      const unknown = yield* accept("baton_inv_not-a-token")
      assert.deepStrictEqual([expired, unknown], [{ _tag: "InviteInvalid" }, { _tag: "InviteInvalid" }] as never)
      assert.deepStrictEqual((yield* audited("admins.acceptInvite")).map(([, reason]) => reason), ["", "expired", "unknown, used or replaced token"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("a password the policy refuses is PasswordRejected and leaves the token usable", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      yield* inviteAdmin(yield* signIn("root@example.com"), { email: invitee, displayName: "Grace" })
      const token = yield* inviteTokenOf(invitee)
      const rejected = yield* accept(token, "password1234")
      assert.deepStrictEqual(rejected, { _tag: "PasswordRejected", problems: ["is a commonly used password"] } as never)
      assert.deepStrictEqual((yield* accept(token, "grace@example.com"))._tag, "PasswordRejected")
      assert.strictEqual((yield* accept(token))._tag, "InviteAccepted")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("two acceptances of one token at once: exactly one activates the account", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      yield* inviteAdmin(yield* signIn("root@example.com"), { email: invitee, displayName: "Grace" })
      const token = yield* inviteTokenOf(invitee)
      const outcomes = yield* Effect.all([accept(token), accept(token, "another long passphrase")], { concurrency: "unbounded" })
      assert.sameMembers(outcomes.map((o) => o._tag), ["InviteAccepted", "InviteInvalid"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("inviting a pending invitee again replaces its token (and may change its role); the old token is InviteInvalid", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const actor = yield* signIn("root@example.com")
      const first = invited(yield* inviteAdmin(actor, { email: invitee, displayName: "Grace" }))
      const old = yield* inviteTokenOf(invitee)
      const again = invited(yield* inviteAdmin(actor, { email: invitee, displayName: "Grace H.", role: "platform-admin" }))
      assert.strictEqual(again.accountId, first.accountId)
      assert.deepStrictEqual(yield* rolesOf(first.accountId), ["platform-admin"])
      assert.strictEqual((yield* accept(old))._tag, "InviteInvalid")
      assert.strictEqual((yield* accept(yield* inviteTokenOf(invitee)))._tag, "InviteAccepted")
      assert.isTrue(Option.isNone(yield* authorize(yield* signIn(invitee, chosen), "admins.invite", AccessScope.platform)))
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("inviting into platform-admin also needs roles.grant, which needs a fresh password", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const actor = yield* signIn("root@example.com")
      yield* TestClock.adjust("10 minutes")
      assert.strictEqual((yield* inviteAdmin(actor, { email: invitee, displayName: "Grace", role: "platform-admin" }))._tag, "ReauthenticationRequired")
      assert.strictEqual((yield* inviteAdmin(actor, { email: invitee, displayName: "Grace", role: "platform-operator" }))._tag, "AdminInvited")
      assert.deepStrictEqual((yield* invitations).map((i) => i.role), ["platform-operator"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("refuses without admins.invite (audited, nothing created), an email of another account, and an invalid input", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      yield* accountWith("ops@example.com", ["platform-operator"])
      const operator = yield* signIn("ops@example.com")
      assert.deepStrictEqual(yield* inviteAdmin(operator, { email: invitee, displayName: "Grace" }), { _tag: "PermissionDenied", ability: "admins.invite" } as never)
      assert.strictEqual(yield* (yield* Accounts).count, 2)
      const admin = yield* signIn("root@example.com")
      assert.strictEqual((yield* inviteAdmin(admin, { email: "OPS@example.com", displayName: "Ops" }))._tag, "EmailTaken")
      const bad = yield* inviteAdmin(admin, { email: "not an email", displayName: " " })
      assert.deepStrictEqual(bad._tag === "ValidationFailed" ? bad.issues.map((i) => i.path) : bad._tag, ["email", "displayName"])
      assert.deepStrictEqual(yield* invitations, [])
      assert.deepStrictEqual(yield* audited("admins.invite"), [
        ["PermissionDenied", "no platform role of the account grants admins.invite"],
        ["EmailTaken", "ops@example.com"]
      ])
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
