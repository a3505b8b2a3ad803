import { assert, describe, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import { disableAdmin, reinstateAdmin, suspendAdmin } from "../../../src/orchestration/identity/changeAdminStatus.js"
import { inviteAdmin } from "../../../src/orchestration/identity/inviteAdmin.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { accountId, accountWith, apiToken, audited, authenticates, noticesFor, password, sessionToken, signIn, statusOf, system } from "./adminSupport.js"
import { device } from "./support.js"

const tag = (outcome: { readonly _tag: string }) => outcome._tag

describe("suspendAdmin, reinstateAdmin, disableAdmin", () => {
  it.effect("suspending ends every session and API token at once; reinstating brings none of them back", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const target = yield* accountWith("ada@example.com")
      const bearers = [yield* sessionToken("ada@example.com"), yield* sessionToken("ada@example.com"), yield* sessionToken("ada@example.com"), yield* apiToken("ada@example.com")]
      const epoch = (yield* (yield* Accounts).findById(target)).pipe((a) => (a._tag === "Some" ? a.value.authEpoch : -1))
      const root = yield* signIn("root@example.com")
      const suspended = yield* suspendAdmin(root, target, "laptop stolen")
      assert.deepStrictEqual(suspended, { _tag: "AdminSuspended", accountId: target, status: "suspended", sessionsEnded: 4, tokensRevoked: 1 } as never)
      for (const bearer of bearers) assert.isFalse(yield* authenticates(bearer))
      assert.strictEqual((yield* login({ email: "ada@example.com", password, device }))._tag, "AccountNotActive")
      assert.strictEqual(tag(yield* reinstateAdmin(root, target)), "AdminReinstated")
      assert.strictEqual(yield* statusOf(target), "active")
      for (const bearer of bearers) assert.isFalse(yield* authenticates(bearer), "old bearers stay dead")
      assert.isTrue(yield* authenticates(yield* sessionToken("ada@example.com")), "a new login works")
      const after = yield* (yield* Accounts).findById(target)
      assert.isTrue(after._tag === "Some" && after.value.authEpoch === epoch + 2)
      assert.deepStrictEqual((yield* noticesFor(target)).filter((k) => k.startsWith("admins.")), ["admins.suspended", "admins.reinstated"])
      assert.deepStrictEqual(yield* audited("admins.suspend"), [["AdminSuspended", "laptop stolen"], ["AdminReinstated", ""]])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("disabling is terminal, from active or suspended, and ends access like a suspension", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com")
      const bob = yield* accountWith("bob@example.com", ["platform-operator"])
      const token = yield* apiToken("bob@example.com")
      const root = yield* signIn("root@example.com")
      assert.strictEqual(tag(yield* suspendAdmin(root, ada, "on leave")), "AdminSuspended")
      assert.deepStrictEqual(yield* disableAdmin(root, ada, "left the company"), { _tag: "AdminDisabled", accountId: ada, status: "disabled", sessionsEnded: 0, tokensRevoked: 0 } as never)
      assert.strictEqual(tag(yield* disableAdmin(root, bob, "contract ended")), "AdminDisabled")
      assert.isFalse(yield* authenticates(token))
      assert.deepStrictEqual(yield* reinstateAdmin(root, ada), { _tag: "InvalidTransition", from: "disabled", to: "active" } as never)
      assert.deepStrictEqual(yield* suspendAdmin(root, bob, "again"), { _tag: "InvalidTransition", from: "disabled", to: "suspended" } as never)
      assert.deepStrictEqual(yield* disableAdmin(root, bob, "again"), { _tag: "InvalidTransition", from: "disabled", to: "disabled" } as never)
      assert.deepStrictEqual(yield* audited("admins.disable"), [
        ["AdminDisabled", "left the company"], ["AdminDisabled", "contract ended"], ["InvalidTransition", "disabled → disabled"]
      ])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("InvalidTransition for an invited account, a second suspension and the reinstatement of an active one", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com")
      const root = yield* signIn("root@example.com")
      const invited = yield* inviteAdmin(root, { email: "grace@example.com", displayName: "Grace" })
      const grace = invited._tag === "AdminInvited" ? invited.accountId : assert.fail(invited._tag)
      assert.deepStrictEqual(yield* suspendAdmin(root, grace, "x"), { _tag: "InvalidTransition", from: "invited", to: "suspended" } as never)
      assert.deepStrictEqual(yield* disableAdmin(root, grace, "x"), { _tag: "InvalidTransition", from: "invited", to: "disabled" } as never)
      assert.deepStrictEqual(yield* reinstateAdmin(root, ada), { _tag: "InvalidTransition", from: "active", to: "active" } as never)
      yield* suspendAdmin(root, ada, "x")
      assert.deepStrictEqual(yield* suspendAdmin(root, ada, "x"), { _tag: "InvalidTransition", from: "suspended", to: "suspended" } as never)
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("CannotTargetSelf, NotFound, and LastPlatformAdmin for the last active platform admin (suspended ones do not count)", () =>
    Effect.gen(function*() {
      const root = yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com")
      const rootActor = yield* signIn("root@example.com")
      assert.strictEqual(tag(yield* suspendAdmin(rootActor, root, "x")), "CannotTargetSelf")
      assert.strictEqual(tag(yield* disableAdmin(rootActor, root, "x")), "CannotTargetSelf")
      assert.deepStrictEqual(yield* suspendAdmin(rootActor, accountId("nobody"), "x"), { _tag: "NotFound", entity: "account", id: "nobody" } as never)
      assert.strictEqual(tag(yield* suspendAdmin(rootActor, ada, "x")), "AdminSuspended")
      assert.strictEqual(tag(yield* suspendAdmin(system, root, "x")), "LastPlatformAdmin")
      assert.strictEqual(tag(yield* disableAdmin(system, root, "x")), "LastPlatformAdmin")
      assert.strictEqual(tag(yield* disableAdmin(system, ada, "x")), "AdminDisabled", "a suspended admin is not an active one")
      assert.strictEqual(yield* statusOf(root), "active")
      assert.deepStrictEqual((yield* audited("admins.suspend")).map(([outcome, reason]) => `${outcome}: ${reason}`), [
        "CannotTargetSelf: the actor's own account", "NotFound: no such account", "AdminSuspended: x", "LastPlatformAdmin: the last active platform admin"
      ])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("needs admins.suspend / admins.disable with a password proven within ten minutes; refusals change nothing", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com")
      yield* accountWith("ops@example.com", ["platform-operator"])
      const operator = yield* signIn("ops@example.com")
      assert.deepStrictEqual(yield* suspendAdmin(operator, ada, "x"), { _tag: "PermissionDenied", ability: "admins.suspend" } as never)
      assert.deepStrictEqual(yield* disableAdmin(operator, ada, "x"), { _tag: "PermissionDenied", ability: "admins.disable" } as never)
      const root = yield* signIn("root@example.com")
      yield* TestClock.adjust("10 minutes")
      assert.strictEqual(tag(yield* suspendAdmin(root, ada, "x")), "ReauthenticationRequired")
      assert.strictEqual(tag(yield* reinstateAdmin(root, ada)), "ReauthenticationRequired")
      assert.strictEqual(yield* statusOf(ada), "active")
      assert.deepStrictEqual(yield* noticesFor(ada), [])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("two concurrent suspensions of the last two platform admins: one succeeds, the other is LastPlatformAdmin", () =>
    Effect.gen(function*() {
      const a = yield* accountWith("a@example.com")
      const b = yield* accountWith("b@example.com")
      const outcomes = yield* Effect.all([suspendAdmin(system, a, "x"), suspendAdmin(system, b, "y")], { concurrency: "unbounded" })
      assert.sameMembers(outcomes.map(tag), ["AdminSuspended", "LastPlatformAdmin"])
      assert.sameMembers([yield* statusOf(a), yield* statusOf(b)], ["active", "suspended"])
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
