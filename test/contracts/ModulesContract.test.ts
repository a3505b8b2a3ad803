import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option } from "effect"
import { InstallationJob, InstalledModule, JobId } from "../../src/domain/modules/InstallationJob.js"
import { pendingJob } from "../../src/domain/modules/JobTransitions.js"
import { MigrationRef, ModuleManifest, ModuleName, RegisteredModule } from "../../src/domain/modules/Module.js"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { Installations } from "../../src/orchestration/modules/Installations.js"
import { ModuleRegistry } from "../../src/orchestration/modules/ModuleRegistry.js"
import { adapterFamilies } from "../support/Adapters.js"

const at = DateTime.unsafeMake("2026-12-01T10:00:00Z")
const later = DateTime.unsafeMake("2026-12-01T10:05:00Z")
const acme = TenantId.make("acme")
const globex = TenantId.make("globex")
const actor = new SystemActor({ component: "contract" })

const manifest = (version: string) =>
  new ModuleManifest({
    name: ModuleName.make("Widget"),
    version,
    title: "Widget",
    dependencies: {},
    entitlement: Option.none(),
    landlordMigrations: [],
    tenantMigrations: [new MigrationRef({ id: "0001", tables: ["widgets"] })],
    setup: false,
    teardown: false
  })

const job = (id: string, module = "DigitalCard", key?: string) =>
  pendingJob({
    id: JobId.make(id),
    tenantId: acme,
    module: ModuleName.make(module),
    version: "1.0.0",
    range: "*",
    steps: 3,
    requestedBy: actor,
    idempotencyKey: Option.fromNullable(key),
    now: at
  })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Modules contract: ${family.name}`, () => {
    it.live("the registry adds each name@version once, lists by name then version precedence, and changes status", () =>
      Effect.gen(function*() {
        const registry = yield* ModuleRegistry
        for (const version of ["1.10.0", "1.9.0", "1.0.0-rc.1", "1.0.0"]) {
          assert.isTrue(yield* registry.add(new RegisteredModule({ manifest: manifest(version), status: "Draft", registeredAt: at, changedAt: at })))
        }
        assert.isFalse(yield* registry.add(new RegisteredModule({ manifest: manifest("1.0.0"), status: "Published", registeredAt: at, changedAt: at })))
        assert.deepStrictEqual((yield* registry.list("Widget")).map((e) => e.manifest.version), ["1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0"])
        yield* registry.setStatus("Widget", "1.9.0", "Published", later)
        const found = Option.getOrThrow(yield* registry.find("Widget", "1.9.0"))
        assert.deepStrictEqual([found.status, found.manifest.tenantMigrations[0]?.tables], ["Published", ["widgets"]])
        assert.isTrue(DateTime.Equivalence(found.changedAt, later))
        assert.isTrue(Option.isNone(yield* registry.find("Widget", "2.0.0")))
        assert.deepStrictEqual(yield* registry.list("Nothing"), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("jobs: one live job per tenant and module, one per idempotency key; saves compare and set; history in order", () =>
      Effect.gen(function*() {
        const installations = yield* Installations
        const first = yield* installations.create(job("j1", "DigitalCard", "k1"))
        assert.isTrue(first.created)
        const same = yield* installations.create(job("j2", "DigitalCard"))
        assert.deepStrictEqual([same.created, same.job.id], [false, "j1"])
        const keyed = yield* installations.create(job("j3", "Loyalty", "k1"))
        assert.deepStrictEqual([keyed.created, keyed.job.id], [false, "j1"])
        assert.strictEqual(Option.getOrThrow(yield* installations.findByKey(acme, "k1")).id, "j1")
        const validating = new InstallationJob({ ...first.job, state: "Validating", queued: false, updatedAt: later })
        assert.isTrue(yield* installations.save(validating, { state: "Pending", queued: true, attempt: 1 }, Option.some("started")))
        assert.isFalse(yield* installations.save(validating, { state: "Pending", queued: true, attempt: 1 }, Option.none()), "stale expectation")
        const failed = new InstallationJob({ ...validating, state: "Failed", error: Option.some("boom") })
        assert.isTrue(yield* installations.save(failed, { state: "Validating", queued: false, attempt: 1 }, Option.none()))
        assert.isTrue((yield* installations.create(job("j4", "DigitalCard"))).created, "a Failed job no longer holds the module")
        assert.strictEqual(Option.getOrThrow(yield* installations.latest(acme, "DigitalCard")).id, "j4")
        const history = yield* installations.history(JobId.make("j1"))
        assert.deepStrictEqual(history.map((e) => [e.seq, e.state, Option.getOrNull(e.detail)]), [[1, "Pending", null], [2, "Validating", "started"], [3, "Failed", null]])
        assert.deepStrictEqual((yield* installations.queued(10)).map((j) => j.id), ["j4"])
        assert.deepStrictEqual((yield* installations.stale(DateTime.addDuration(later, "1 minute"), 10)).map((j) => j.id), [])
        const counts = yield* installations.counts
        assert.deepStrictEqual([counts.byState.get("Failed"), counts.byState.get("Pending"), counts.queued], [1, 1, 1])
        assert.strictEqual(Option.getOrThrow(yield* installations.find(JobId.make("j1"))).error.pipe(Option.getOrNull), "boom")
      }).pipe(Effect.provide(family.layer)))

    it.live("installed modules per tenant, and one installation lock per tenant", () =>
      Effect.gen(function*() {
        const installations = yield* Installations
        const row = new InstalledModule({ tenantId: acme, name: ModuleName.make("Contacts"), version: "1.0.0", jobId: JobId.make("j1"), asDependency: true, status: "active", installedAt: at })
        yield* installations.putInstalled(row)
        yield* installations.putInstalled(new InstalledModule({ ...row, version: "1.1.0", status: "changing" }))
        yield* installations.putInstalled(new InstalledModule({ ...row, tenantId: globex }))
        assert.deepStrictEqual((yield* installations.installed(acme)).map((m) => [m.name, m.version, m.status, m.asDependency]), [["Contacts", "1.1.0", "changing", true]])
        yield* installations.removeInstalled(acme, "Contacts")
        assert.deepStrictEqual(yield* installations.installed(acme), [])
        assert.strictEqual((yield* installations.installed(globex)).length, 1)
        assert.isTrue(yield* installations.lock(acme, JobId.make("j1"), at))
        assert.isTrue(yield* installations.lock(acme, JobId.make("j1"), at), "held by the same job")
        assert.isFalse(yield* installations.lock(acme, JobId.make("j2"), at))
        assert.isTrue(yield* installations.lock(globex, JobId.make("j2"), at), "another tenant's lock")
        yield* installations.unlock(acme, JobId.make("j2"))
        assert.deepStrictEqual(yield* installations.lockHolder(acme), Option.some(JobId.make("j1")))
        yield* installations.unlock(acme, JobId.make("j1"))
        assert.isTrue(Option.isNone(yield* installations.lockHolder(acme)))
      }).pipe(Effect.provide(family.layer)))

  })
}
