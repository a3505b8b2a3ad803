import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Effect, Option } from "effect"
import { InstallationJob, JobId } from "../../../src/domain/modules/InstallationJob.js"
import { expectedOf, pendingJob } from "../../../src/domain/modules/JobTransitions.js"
import { ModuleName } from "../../../src/domain/modules/Module.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { Installations } from "../../../src/orchestration/modules/Installations.js"
import { reconcileStale } from "../../../src/orchestration/modules/reconcileStale.js"
import { awaitSettled, createTenant, modulesFamilies, operator, publishShipped } from "../../support/Modules.js"

const acme = TenantId.make("acme")

/** A job a crashed process left behind: taken off the queue (and, when `locked`, holding its tenant's lock) but never started. */
const leftBehind = (id: string, locked: boolean) =>
  Effect.gen(function*() {
    const installations = yield* Installations
    const long = DateTime.subtractDuration(yield* DateTime.now, Duration.minutes(5))
    const job = pendingJob({ id: JobId.make(id), tenantId: acme, module: ModuleName.make("DigitalCard"), version: "1.0.0", range: "*", steps: 7, requestedBy: operator, idempotencyKey: Option.none(), now: long })
    const taken = new InstallationJob({ ...job, queued: true })
    assert.isTrue((yield* installations.create(taken)).created)
    if (locked) assert.isTrue(yield* installations.lock(acme, job.id, long))
    assert.isTrue(yield* installations.save(new InstallationJob({ ...taken, queued: false, stepLabel: "started" }), expectedOf(taken), Option.none()))
    return job.id
  })

const family = modulesFamilies.find((f) => f.name === "sqlite")!

describe("the reconciler", () => {
  it.live("starts the run of a job left in flight with its lock: it installs", () =>
    Effect.gen(function*() {
      yield* publishShipped
      yield* createTenant(acme)
      const started = yield* leftBehind("left-with-lock", true)
      assert.strictEqual(yield* reconcileStale(Duration.minutes(1), 10), 1)
      assert.strictEqual((yield* awaitSettled(started)).state, "Active")
    }).pipe(Effect.provide(family.layer())), 60_000)

  it.live("a job that lost its lock goes back to the queue and is started in its tenant's turn", () =>
    Effect.gen(function*() {
      yield* publishShipped
      yield* createTenant(acme)
      const lost = yield* leftBehind("left-without-lock", false)
      yield* reconcileStale(Duration.minutes(1), 10)
      const job = yield* awaitSettled(lost)
      assert.strictEqual(job.state, "Active")
      assert.include((yield* (yield* Installations).history(lost)).map((e) => Option.getOrNull(e.detail)), "lost its lock: queued again")
    }).pipe(Effect.provide(family.layer())), 60_000)
})
