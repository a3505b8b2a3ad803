import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { grantPlatformRole } from "../../../src/orchestration/access/grantPlatformRole.js"
import { revokePlatformRole } from "../../../src/orchestration/access/revokePlatformRole.js"
import { Roles } from "../../../src/orchestration/access/Roles.js"
import { suspendAdmin } from "../../../src/orchestration/identity/changeAdminStatus.js"
import { accountId, accountWith, audited, authenticates, noticesFor, sessionToken, signIn, system } from "../identity/adminSupport.js"

const tag = (outcome: { readonly _tag: string }) => outcome._tag
const platformRoles = (id: ReturnType<typeof accountId>) =>
  Effect.flatMap(Roles, (roles) => Effect.map(roles.grantsOf(id), (grants) => grants.filter((g) => Option.isNone(g.tenantId)).map((g) => String(g.role)).sort()))

describe("grantPlatformRole and revokePlatformRole", () => {
  it.effect("a grant bumps the grantee's auth epoch (its sessions end at once), is audited and told; granting again changes nothing", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com", ["platform-operator"])
      const before = yield* sessionToken("ada@example.com")
      const root = yield* signIn("root@example.com")
      assert.deepStrictEqual(yield* grantPlatformRole(root, ada, "platform-admin"), { _tag: "PlatformRoleGranted", accountId: ada, role: "platform-admin", changed: true } as never)
      assert.isFalse(yield* authenticates(before))
      assert.deepStrictEqual(yield* platformRoles(ada), ["platform-admin", "platform-operator"])
      const after = yield* sessionToken("ada@example.com")
      assert.deepStrictEqual(yield* grantPlatformRole(root, ada, "platform-admin"), { _tag: "PlatformRoleGranted", accountId: ada, role: "platform-admin", changed: false } as never)
      assert.isTrue(yield* authenticates(after), "a grant that changes nothing ends nothing")
      assert.deepStrictEqual((yield* noticesFor(ada)).filter((k) => k.startsWith("admins.")), ["admins.roleGranted"])
      assert.deepStrictEqual((yield* audited("roles.grant")).map(([outcome]) => outcome), ["PlatformRoleGranted"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("a revocation ends the account's sessions at once; revoking a role not held is NotFound", () =>
    Effect.gen(function*() {
      yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com", ["platform-admin", "platform-operator"])
      const before = yield* sessionToken("ada@example.com")
      const root = yield* signIn("root@example.com")
      assert.deepStrictEqual(yield* revokePlatformRole(root, ada, "platform-admin"), { _tag: "PlatformRoleRevoked", accountId: ada, role: "platform-admin" } as never)
      assert.isFalse(yield* authenticates(before))
      assert.deepStrictEqual(yield* platformRoles(ada), ["platform-operator"])
      assert.deepStrictEqual(yield* revokePlatformRole(root, ada, "platform-admin"), { _tag: "NotFound", entity: "roleGrant", id: `${ada}/platform-admin` } as never)
      assert.deepStrictEqual((yield* noticesFor(ada)).filter((k) => k.startsWith("admins.")), ["admins.roleRevoked"])
      assert.deepStrictEqual((yield* audited("roles.revoke")).map(([outcome]) => outcome), ["PlatformRoleRevoked", "NotFound"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("the last active platform admin keeps platform-admin; its platform-operator role may go", () =>
    Effect.gen(function*() {
      const root = yield* accountWith("root@example.com", ["platform-admin", "platform-operator"])
      const ada = yield* accountWith("ada@example.com")
      const adaActor = yield* signIn("ada@example.com")
      assert.strictEqual(tag(yield* suspendAdmin(adaActor, root, "x")), "AdminSuspended")
      assert.strictEqual(tag(yield* revokePlatformRole(system, ada, "platform-admin")), "LastPlatformAdmin")
      assert.strictEqual(tag(yield* revokePlatformRole(system, root, "platform-operator")), "PlatformRoleRevoked")
      assert.strictEqual(tag(yield* revokePlatformRole(system, root, "platform-admin")), "PlatformRoleRevoked", "a suspended admin is not an active one")
      assert.deepStrictEqual(yield* platformRoles(ada), ["platform-admin"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("CannotTargetSelf, NotFound, PermissionDenied and ReauthenticationRequired change nothing", () =>
    Effect.gen(function*() {
      const root = yield* accountWith("root@example.com")
      const ada = yield* accountWith("ada@example.com")
      yield* accountWith("ops@example.com", ["platform-operator"])
      const rootActor = yield* signIn("root@example.com")
      assert.strictEqual(tag(yield* revokePlatformRole(rootActor, root, "platform-admin")), "CannotTargetSelf")
      assert.strictEqual(tag(yield* grantPlatformRole(rootActor, root, "platform-operator")), "CannotTargetSelf")
      assert.deepStrictEqual(yield* grantPlatformRole(rootActor, accountId("nobody"), "platform-operator"), { _tag: "NotFound", entity: "account", id: "nobody" } as never)
      assert.deepStrictEqual(yield* grantPlatformRole(yield* signIn("ops@example.com"), ada, "platform-operator"), { _tag: "PermissionDenied", ability: "roles.grant" } as never)
      yield* TestClock.adjust("10 minutes")
      assert.strictEqual(tag(yield* revokePlatformRole(rootActor, ada, "platform-admin")), "ReauthenticationRequired")
      assert.deepStrictEqual([yield* platformRoles(root), yield* platformRoles(ada)], [["platform-admin"], ["platform-admin"]])
      assert.deepStrictEqual(yield* noticesFor(ada), [])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("a concurrent suspension and role revocation of the last two platform admins: one of them is LastPlatformAdmin", () =>
    Effect.gen(function*() {
      const a = yield* accountWith("a@example.com")
      const b = yield* accountWith("b@example.com")
      const outcomes = yield* Effect.all([suspendAdmin(system, a, "x"), revokePlatformRole(system, b, "platform-admin")], { concurrency: "unbounded" })
      assert.strictEqual(outcomes.filter((o) => o._tag === "LastPlatformAdmin").length, 1)
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
