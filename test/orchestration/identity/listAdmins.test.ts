import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option, TestClock } from "effect"
import { Email } from "../../../src/domain/identity/Email.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import { suspendAdmin } from "../../../src/orchestration/identity/changeAdminStatus.js"
import { inviteAdmin } from "../../../src/orchestration/identity/inviteAdmin.js"
import { getAdmin, listAdmins } from "../../../src/orchestration/identity/listAdmins.js"
import { createTenant, grant } from "../../support/Access.js"
import { accountWith, signIn } from "./adminSupport.js"
import { enrolledAdmin } from "./support.js"

describe("listAdmins and getAdmin", () => {
  it.effect("list the accounts holding a platform role, with status, roles, TOTP and last login, by email", () =>
    Effect.gen(function*() {
      yield* enrolledAdmin
      const ada = yield* Effect.flatMap(Accounts, (accounts) => accounts.findByEmail(Email.make("ada@example.com")))
      yield* grant(Option.getOrThrow(ada).id, "platform-admin")
      yield* TestClock.adjust("1 minute")
      yield* accountWith("root@example.com")
      const ops = yield* accountWith("ops@example.com", ["platform-operator"])
      yield* signIn("ops@example.com")
      yield* createTenant("acme")
      yield* grant(yield* accountWith("member@example.com", []), "tenant-admin", "acme")
      const root = yield* signIn("root@example.com")
      yield* inviteAdmin(root, { email: "grace@example.com", displayName: "Grace" })
      yield* suspendAdmin(root, ops, "x")
      const listed = yield* listAdmins(root)
      if (listed._tag !== "AdminList") return assert.fail(listed._tag)
      assert.deepStrictEqual(listed.admins.map((a) => [a.email, a.status, a.roles.join(","), a.totpEnabled, Option.isSome(a.lastLoginAt)]), [
        ["ada@example.com", "active", "platform-admin", true, true],
        ["grace@example.com", "invited", "platform-operator", false, false],
        ["ops@example.com", "suspended", "platform-operator", false, true],
        ["root@example.com", "active", "platform-admin", false, true]
      ])
      const opsAdmin = listed.admins.find((a) => a.id === ops)
      assert.isTrue(Option.exists(opsAdmin?.lastLoginAt ?? Option.none(), (at) => DateTime.Equivalence(at, DateTime.unsafeMake(60_000))))
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("getAdmin answers NotFound for an account without a platform role; a tenant admin may not read admins", () =>
    Effect.gen(function*() {
      const root = yield* accountWith("root@example.com")
      yield* createTenant("acme")
      const member = yield* accountWith("member@example.com", [])
      yield* grant(member, "tenant-admin", "acme")
      const actor = yield* signIn("root@example.com")
      const found = yield* getAdmin(actor, root)
      assert.deepStrictEqual(found._tag === "Admin" ? [found.email, found.roles] : found._tag, ["root@example.com", ["platform-admin"]] as never)
      assert.deepStrictEqual(yield* getAdmin(actor, member), { _tag: "NotFound", entity: "admin", id: member } as never)
      const tenantAdmin = yield* signIn("member@example.com")
      assert.deepStrictEqual(yield* listAdmins(tenantAdmin), { _tag: "PermissionDenied", ability: "admins.read" } as never)
      assert.deepStrictEqual(yield* getAdmin(tenantAdmin, root), { _tag: "PermissionDenied", ability: "admins.read" } as never)
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
