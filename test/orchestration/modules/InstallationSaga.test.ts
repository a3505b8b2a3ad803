import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import type { JobId } from "../../../src/domain/modules/InstallationJob.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import * as BreakerEntitlements from "../../../src/layers/modules/BreakerEntitlements.js"
import { defineModule } from "../../../src/layers/modules/ModuleDefinition.js"
import { SubscriptionService } from "../../../src/layers/modules/SubscriptionService.js"
import { Entitlements, EntitlementsError } from "../../../src/orchestration/modules/Entitlements.js"
import { Installations } from "../../../src/orchestration/modules/Installations.js"
import { requestInstall } from "../../../src/orchestration/modules/requestInstall.js"
import { requestUpgrade } from "../../../src/orchestration/modules/requestChange.js"
import { resolveJob } from "../../../src/orchestration/modules/resolveJob.js"
import { pendingAudit, pendingNotifications } from "../../support/Intents.js"
import { clearStrikes, faults, issueCard, strike, tenantState } from "../../support/ModuleFaults.js"
import { awaitSettled, createTenant, install, modulesFamilies, operator, publish, publishShipped } from "../../support/Modules.js"

const acme = TenantId.make("acme")
const request = (module: string, key?: string) =>
  requestInstall(operator, { tenantId: acme, module, range: "*", idempotencyKey: Option.fromNullable(key) })

/** Two modules sharing a dependency whose migration counts its runs. */
const sharedRuns = { count: 0 }
const sharedModules = [
  defineModule({
    name: "Shared",
    version: "1.0.0",
    title: "Shared",
    tenantMigrations: [{
      id: "0001_shared",
      tables: ["shared"],
      up: ({ sql, table }) => Effect.zipRight(Effect.sync(() => sharedRuns.count++), sql`CREATE TABLE ${table("shared")} (id TEXT PRIMARY KEY)`),
      down: ({ sql, table }) => sql`DROP TABLE ${table("shared")}`
    }]
  }),
  defineModule({ name: "Alpha", version: "1.0.0", title: "Alpha", dependencies: { Shared: "^1.0.0" } }),
  defineModule({ name: "Beta", version: "1.0.0", title: "Beta", dependencies: { Shared: "^1.0.0" } })
]

const subscriptions = (check: SubscriptionService["Type"]["check"]) =>
  BreakerEntitlements.layer().pipe(Layer.provide(Layer.succeed(SubscriptionService, SubscriptionService.of({ check }))))

for (const family of modulesFamilies) {
  describe.skipIf(family.skip)(`installation saga: ${family.name}`, () => {
    it.live("50 identical concurrent requests get one job; the same idempotency key too, and a key reused elsewhere is refused", () =>
      Effect.gen(function*() {
        yield* publishShipped
        yield* createTenant(acme)
        const outcomes = yield* Effect.all(Array.from({ length: 50 }, () => request("DigitalCard")), { concurrency: "unbounded" })
        const ids = new Set(outcomes.map((o) => (o._tag === "InstallationAccepted" ? o.job.id : o._tag)))
        assert.strictEqual(ids.size, 1, [...ids].join(", "))
        const [id] = [...ids] as Array<JobId>
        const counts = yield* (yield* Installations).counts
        assert.strictEqual([...counts.byState.values()].reduce((a, b) => a + b, 0), 1, "one job stored")
        assert.strictEqual((yield* awaitSettled(id!)).state, "Active")
        const again = yield* request("DigitalCard")
        assert.strictEqual(again._tag === "InstallationAccepted" && again.job.id, id, "the same tenant, module and version: the same job")
        const keyed = yield* Effect.all(Array.from({ length: 10 }, () => request("Loyalty", "key-1")), { concurrency: "unbounded" })
        assert.strictEqual(new Set(keyed.map((o) => (o._tag === "InstallationAccepted" ? o.job.id : o._tag))).size, 1)
        assert.strictEqual((yield* request("Contacts", "key-1"))._tag, "IdempotencyKeyReused")
      }).pipe(Effect.provide(family.layer())), 60_000)

    it.live("two modules sharing a dependency, installed concurrently in one tenant: the dependency is installed once", () =>
      Effect.gen(function*() {
        sharedRuns.count = 0
        yield* publish(["Shared", "1.0.0"], ["Alpha", "1.0.0"], ["Beta", "1.0.0"])
        yield* createTenant(acme)
        const [alpha, beta] = yield* Effect.all([install(acme, "Alpha"), install(acme, "Beta")], { concurrency: 2 })
        const settled = yield* Effect.all([awaitSettled(alpha), awaitSettled(beta)])
        assert.deepStrictEqual(settled.map((j) => j.state), ["Active", "Active"])
        assert.strictEqual(sharedRuns.count, 1)
        assert.deepStrictEqual((yield* tenantState(acme)).installed, ["Alpha@1.0.0:active", "Beta@1.0.0:active", "Shared@1.0.0:active"])
        assert.deepStrictEqual((yield* tenantState(acme)).snapshot.ledger, ["migration:Shared:0001_shared"])
      }).pipe(Effect.provide(family.layer(sharedModules))), 60_000)

    it.live("a failing undo leaves ManualIntervention (audited, operators told, tenant held); the operator restores the backup and the tenant's queue moves on", () =>
      Effect.gen(function*() {
        clearStrikes()
        yield* publishShipped
        yield* publish(["DigitalCard", "1.1.0"])
        yield* createTenant(acme)
        yield* awaitSettled(yield* install(acme, "DigitalCard", "~1.0.0"))
        yield* issueCard(acme, 1)
        const before = yield* tenantState(acme)
        Object.assign(strike, { tenant: acme, step: 5, undo: "tenant migration Loyalty@1.0.0 0001_accounts (down)" })
        const stuck = yield* awaitSettled(yield* install(acme, "Loyalty"))
        assert.strictEqual(stuck.state, "ManualIntervention")
        assert.include(Option.getOrElse(stuck.error, () => ""), `undo of "tenant migration Loyalty@1.0.0 0001_accounts" failed`)
        assert.isTrue((yield* pendingAudit).some((a) => a.action === "modules.install" && a.outcome === "ManualIntervention"))
        assert.isTrue((yield* pendingNotifications).some((n) => n.kind === "modules.job.manual-intervention" && n.data["jobId"] === stuck.id))
        assert.isTrue((yield* tenantState(acme)).locked)
        clearStrikes()
        const upgrade = yield* requestUpgrade(operator, { tenantId: acme, module: "DigitalCard", range: "^1.1.0" })
        const upgradeId = upgrade._tag === "InstallationAccepted" ? upgrade.job.id : assert.fail(upgrade._tag)
        yield* Effect.sleep("300 millis")
        assert.isTrue(Option.exists(yield* (yield* Installations).find(upgradeId), (j) => j.queued), "the tenant's next job waits")
        const resolved = yield* resolveJob(operator, stuck.id, "restore-backup", "checked by hand")
        assert.strictEqual(resolved._tag === "JobResolved" && resolved.job.state, "Failed")
        assert.deepStrictEqual((yield* tenantState(acme)).snapshot, before.snapshot, "restored exactly as before")
        assert.strictEqual((yield* awaitSettled(upgradeId)).version, "1.1.0")
      }).pipe(Effect.provide(family.layer(undefined, faults))), 60_000)

    it.live("a tenant without the entitlement: the job fails at validation with NotEntitled and nothing changes", () =>
      Effect.gen(function*() {
        yield* publishShipped
        yield* createTenant(acme)
        const before = yield* tenantState(acme)
        const job = yield* awaitSettled(yield* install(acme, "DigitalCard"))
        assert.deepStrictEqual([job.state, Option.getOrNull(job.error)], ["Failed", "NotEntitled: entitlement=digital-cards"])
        assert.deepStrictEqual((yield* (yield* Installations).history(job.id)).map((e) => e.state), ["Pending", "Pending", "Validating", "Failed"])
        assert.deepStrictEqual(yield* tenantState(acme), before)
      }).pipe(Effect.provide(family.layer(undefined, subscriptions((_, entitlement) => Effect.succeed(entitlement !== "digital-cards"))))), 60_000)

    it.live("the subscription service failing: validation fails after its retries (Failed); once the circuit is open requests are refused at once and nothing is written", () =>
      Effect.gen(function*() {
        yield* publishShipped
        yield* createTenant(acme)
        const job = yield* awaitSettled(yield* install(acme, "DigitalCard"))
        assert.strictEqual(job.state, "Failed")
        assert.include(Option.getOrElse(job.error, () => ""), "entitlement check failed")
        const entitlements = yield* Entitlements
        for (let i = 0; i < 5; i++) yield* Effect.either(entitlements.check(acme, "loyalty"))
        assert.strictEqual((yield* entitlements.circuit).state, "open")
        const refused = yield* request("Loyalty")
        assert.strictEqual(refused._tag, "EntitlementServiceUnavailable")
        assert.isTrue(refused._tag === "EntitlementServiceUnavailable" && refused.retryAfterSeconds > 50)
        assert.isTrue(Option.isNone(yield* (yield* Installations).latest(acme, "Loyalty")), "no job written")
      }).pipe(Effect.provide(family.layer(undefined, subscriptions(() => Effect.fail(new EntitlementsError({ reason: "down", cause: null })))))), 60_000)
  })
}
