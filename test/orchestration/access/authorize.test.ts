import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import { AccessScope } from "../../../src/domain/access/AccessScope.js"
import { AccountActor, ApiTokenActor, SystemActor } from "../../../src/domain/shared/Actor.js"
import { ApiTokenId, TenantId } from "../../../src/domain/shared/Ids.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { authorize } from "../../../src/orchestration/access/authorize.js"
import { createTenant, grant } from "../../support/Access.js"
import { pendingAudit } from "../../support/Intents.js"
import { actorOf, createAdmin, loginToken } from "../identity/support.js"

const acme = TenantId.make("acme")
const tagOf = (refusal: Option.Option<{ readonly _tag: string }>) => Option.match(refusal, { onNone: () => "Allowed", onSome: (r) => r._tag })

describe("authorize", () => {
  it.effect("allows what the account's grants hold and audits every refusal with its reason", () =>
    Effect.gen(function*() {
      const admin = yield* createAdmin
      yield* createTenant("acme")
      yield* grant(admin.id, "tenant-admin", "acme")
      const actor = yield* actorOf(yield* loginToken)
      assert.strictEqual(tagOf(yield* authorize(actor, "members.manage", AccessScope.tenant(acme))), "Allowed")
      assert.strictEqual(tagOf(yield* authorize(actor, "tenants.create", AccessScope.platform)), "PermissionDenied")
      assert.strictEqual(tagOf(yield* authorize(actor, "members.read", AccessScope.tenant(TenantId.make("globex")))), "PermissionDenied")
      const refusals = (yield* pendingAudit).filter((intent) => intent.outcome === "PermissionDenied")
      assert.deepStrictEqual(refusals.map((r) => [r.action, r.reason, r.target?.id]), [
        ["tenants.create", "no platform role of the account grants tenants.create", "platform"],
        ["members.read", "no tenant globex", "tenant:globex"]
      ])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("asks for re-authentication once the session's password proof is ten minutes old", () =>
    Effect.gen(function*() {
      const admin = yield* createAdmin
      yield* grant(admin.id, "platform-admin")
      const actor = yield* actorOf(yield* loginToken)
      assert.strictEqual(tagOf(yield* authorize(actor, "admins.suspend", AccessScope.platform)), "Allowed")
      yield* TestClock.adjust("10 minutes")
      assert.strictEqual(tagOf(yield* authorize(actor, "admins.suspend", AccessScope.platform)), "ReauthenticationRequired")
      assert.strictEqual(tagOf(yield* authorize(actor, "admins.read", AccessScope.platform)), "Allowed")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("answers TenantNotActive to members of a suspended tenant and NotFound for a tenant only platform staff may know of", () =>
    Effect.gen(function*() {
      const admin = yield* createAdmin
      yield* createTenant("acme", "suspended")
      yield* grant(admin.id, "tenant-member", "acme")
      const member = yield* actorOf(yield* loginToken)
      assert.strictEqual(tagOf(yield* authorize(member, "tenants.read", AccessScope.tenant(acme))), "TenantNotActive")
      yield* grant(admin.id, "platform-operator")
      assert.strictEqual(tagOf(yield* authorize(member, "tenants.read", AccessScope.tenant(acme))), "Allowed")
      assert.strictEqual(tagOf(yield* authorize(member, "tenants.read", AccessScope.tenant(TenantId.make("nope")))), "NotFound")
      const token = new ApiTokenActor({ accountId: admin.id, tokenId: ApiTokenId.make("t"), scopes: ["supply"] })
      assert.strictEqual(tagOf(yield* authorize(token, "tenants.read", AccessScope.tenant(acme))), "PermissionDenied")
      assert.strictEqual(tagOf(yield* authorize(new SystemActor({ component: "cli" }), "tenants.create", AccessScope.platform)), "Allowed")
      assert.instanceOf(member, AccountActor)
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
