import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DateTime, Duration, Effect, Layer, Option } from "effect"
import { InstallationJob, isSettled, type JobId } from "../src/domain/modules/InstallationJob.js"
import { expectedOf } from "../src/domain/modules/JobTransitions.js"
import { Tenant } from "../src/domain/identity/Tenant.js"
import { SystemActor } from "../src/domain/shared/Actor.js"
import { TenantId } from "../src/domain/shared/Ids.js"
import * as CryptoKit from "../src/layers/crypto/CryptoKit.js"
import * as RecordingNotificationChannels from "../src/layers/memory/RecordingNotificationChannels.js"
import * as ModulesRuntime from "../src/layers/modules/ModulesRuntime.js"
import * as Database from "../src/layers/sql/Database.js"
import * as Migrations from "../src/layers/sql/Migrations.js"
import * as SqlPorts from "../src/layers/sql/SqlPorts.js"
import * as WorkflowEngines from "../src/layers/workflow/WorkflowEngines.js"
import { Tenants } from "../src/orchestration/identity/Tenants.js"
import { beginJob } from "../src/orchestration/modules/beginJob.js"
import { publishModule } from "../src/orchestration/modules/changeModuleStatus.js"
import { Installations } from "../src/orchestration/modules/Installations.js"
import { runOf } from "../src/orchestration/modules/InstallationRun.js"
import { registerModule } from "../src/orchestration/modules/registerModule.js"
import { requestInstall } from "../src/orchestration/modules/requestInstall.js"
import { runStep } from "../src/orchestration/modules/runStep.js"
import { validateJob } from "../src/orchestration/modules/validateJob.js"
import type { Benchmark, Figure, Row } from "./support/Benchmark.js"
import { waitForQuiet } from "./support/Cpu.js"

const actor = new SystemActor({ component: "bench" })

/** baton's ports over a new SQLite file; `engine` adds the durable engine and the scheduler that run the saga. */
const sqliteWith = (dir: string, engine: boolean) => {
  const ports = SqlPorts.layer.pipe(
    Layer.provideMerge(RecordingNotificationChannels.layer()),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(Migrations.layer.pipe(Layer.provideMerge(Database.sqlite(join(dir, "baton.db")))))
  )
  const runtime = ModulesRuntime.layer({ pollInterval: Duration.millis(20) }).pipe(
    Layer.provideMerge(WorkflowEngines.layerSql({ pollInterval: Duration.millis(20) }))
  )
  return (engine ? runtime.pipe(Layer.provideMerge(ports)) : ports).pipe(Layer.orDie)
}

const prepare = (tenants: number) =>
  Effect.gen(function*() {
    for (const [name, version] of [["Contacts", "1.0.0"], ["DigitalCard", "1.0.0"]] as const) {
      yield* registerModule(actor, { name, version })
      yield* publishModule(actor, name, version)
    }
    const store = yield* Tenants
    const now = yield* DateTime.now
    for (let i = 0; i < tenants; i++) yield* store.create(new Tenant({ id: TenantId.make(`tenant-${i}`), name: `Tenant ${i}`, status: "active", createdAt: now }))
  })

const request = (tenant: number) =>
  Effect.flatMap(requestInstall(actor, { tenantId: TenantId.make(`tenant-${tenant}`), module: "DigitalCard", range: "*", idempotencyKey: Option.none() }), (o) =>
    o._tag === "InstallationAccepted" ? Effect.succeed(o.job.id) : Effect.dieMessage(o._tag))

/** Waits for the saga (engine + scheduler) to settle the job; its duration as recorded: from acceptance to Active. */
const bySaga = (id: JobId) =>
  Effect.flatMap(Installations, (i) => i.find(id)).pipe(
    Effect.map(Option.getOrThrow),
    Effect.delay("2 millis"),
    Effect.repeat({ until: (job) => isSettled(job.state, job.queued) }),
    Effect.map((job) => DateTime.distance(job.createdAt, Option.getOrThrow(job.finishedAt)))
  )

/** The baseline: the same steps (the same orchestrators, in the same transactions) called directly, without engine or scheduler. */
const direct = (id: JobId) =>
  Effect.gen(function*() {
    const installations = yield* Installations
    const queued = Option.getOrThrow(yield* installations.find(id))
    const now = yield* DateTime.now
    yield* installations.lock(queued.tenantId, id, now)
    yield* installations.save(new InstallationJob({ ...queued, queued: false, updatedAt: now }), expectedOf(queued), Option.none())
    const run = runOf(queued)
    yield* beginJob(run)
    const validation = yield* validateJob(run)
    if (validation._tag !== "Proceed") return yield* Effect.dieMessage("not validated")
    for (const [index, step] of validation.plan.steps.entries()) yield* runStep(run, index + 1, step)
    const job = Option.getOrThrow(yield* installations.find(id))
    return DateTime.distance(job.createdAt, Option.getOrThrow(job.finishedAt))
  })

const percentile = (values: ReadonlyArray<number>, p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

interface Measured {
  readonly p50: number
  readonly p95: number
  readonly perSecond: number
}

/** `sequential` installs one after the other (latency), then `concurrent` tenants at once (throughput). */
const measure = (engine: boolean, sequential: number, concurrent: number) =>
  Effect.gen(function*() {
    yield* prepare(sequential + concurrent)
    const install = (tenant: number) => Effect.flatMap(request(tenant), engine ? bySaga : direct)
    const latencies: Array<number> = []
    for (let i = 0; i < sequential; i++) latencies.push(yield* install(i))
    const [elapsed] = yield* Effect.timed(Effect.forEach(Array.from({ length: concurrent }, (_, i) => sequential + i), install, { concurrency: "unbounded" }))
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: concurrent / Duration.toSeconds(elapsed) } satisfies Measured
  })

const inTemporaryDirectory = <A>(use: (dir: string) => Promise<A>) => {
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-modules-"))
  return use(dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

export const benchmark: Benchmark = {
  name: "modules",
  title: "Module installation (DigitalCard with Contacts) on SQLite: the durable saga against the same steps run directly",
  run: async ({ quick }) => {
    const sequential = quick ? 10 : 40
    const concurrent = 100
    const rounds = quick ? 1 : 3
    const once = (engine: boolean) =>
      inTemporaryDirectory((dir) => Effect.runPromise(Effect.scoped(Effect.provide(measure(engine, sequential, concurrent), sqliteWith(dir, engine)))))
    const measured: Record<"direct" | "saga", Array<Measured>> = { direct: [], saga: [] }
    for (let round = 0; round < rounds; round++) {
      await waitForQuiet()
      measured.direct.push(await once(false))
      await waitForQuiet()
      measured.saga.push(await once(true))
    }
    const best = (all: ReadonlyArray<Measured>): Measured => ({
      p50: Math.min(...all.map((m) => m.p50)),
      p95: Math.min(...all.map((m) => m.p95)),
      perSecond: Math.max(...all.map((m) => m.perSecond))
    })
    const baseline = best(measured.direct)
    const saga = best(measured.saga)
    const row = (name: string, m: Measured): Row => ({ path: name, "p50 ms": m.p50, "p95 ms": m.p95, [`installs/s (${concurrent} tenants)`]: m.perSecond })
    const figure = (name: string, unit: string, value: number, base: number, target?: Figure["target"]): Figure =>
      ({ name, unit, value, baselineName: "direct steps", baseline: base, ...(target === undefined ? {} : { target }) })
    return {
      notes: [
        `DigitalCard 1.0.0 with Contacts (7 steps: a landlord migration, a backup, 3 tenant migrations, a setup, the activation) into a new tenant`,
        `latency: ${sequential} installs one after the other, from acceptance to Active as the job records them (p95 target < 100 ms)`,
        `throughput: ${concurrent} tenants at once, wall time until all are Active; each tenant has its own SQLite file`,
        "saga: the durable workflow engine (SingleRunner, SQLite, 20 ms poll) and the scheduler; baseline: the same orchestrators run directly, no engine",
        `${rounds} round(s) per path, the paths taking turns, each after waiting for a quiet machine; the best figure of each kept`,
        "each round on a new SQLite database; this machine is shared: other load shows in both paths"
      ],
      rows: [row("direct steps (baseline)", baseline), row("durable saga", saga)],
      figures: [
        figure("saga p50", "ms", saga.p50, baseline.p50),
        figure("saga p95", "ms", saga.p95, baseline.p95),
        figure(`saga, ${concurrent} tenants at once`, "installs/s", saga.perSecond, baseline.perSecond)
      ]
    }
  }
}
