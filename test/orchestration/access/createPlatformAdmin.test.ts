import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { AccessScope } from "../../../src/domain/access/AccessScope.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { authorize } from "../../../src/orchestration/access/authorize.js"
import { bootstrapAdmin } from "../../../src/orchestration/access/createPlatformAdmin.js"
import { Roles } from "../../../src/orchestration/access/Roles.js"
import { createTenant } from "../../support/Access.js"
import { actorOf, email, loginToken, password } from "../identity/support.js"

describe("createPlatformAdmin", () => {
  it.effect("the bootstrap admin holds platform-admin and may act everywhere; a second bootstrap does nothing", () =>
    Effect.gen(function*() {
      const created = yield* bootstrapAdmin(email, password)
      assert.strictEqual(created._tag, "AccountCreated")
      assert.strictEqual((yield* bootstrapAdmin("other@example.com", password))._tag, "BootstrapSkipped")
      yield* createTenant("acme")
      const actor = yield* actorOf(yield* loginToken)
      assert.isTrue(Option.isNone(yield* authorize(actor, "tenants.create", AccessScope.platform)))
      assert.isTrue(Option.isNone(yield* authorize(actor, "members.manage", AccessScope.tenant(TenantId.make("acme")))))
      const grants = yield* (yield* Roles).grantsOf(created._tag === "AccountCreated" ? created.account.id : assert.fail())
      assert.deepStrictEqual(grants.map((g) => g.role), ["platform-admin"])
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
