import { DateTime, Effect, Layer, Option } from "effect"
import {
  type InstallationJob,
  type InstalledModule,
  inFlight,
  isLive,
  JobEvent,
  type JobId,
  type JobState
} from "../../domain/modules/InstallationJob.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

type Jobs = ReadonlyMap<string, InstallationJob>
type Events = ReadonlyMap<string, ReadonlyArray<JobEvent>>

const eventOf = (job: InstallationJob, seq: number, detail: Option.Option<string>) =>
  new JobEvent({ seq, at: job.updatedAt, state: job.state, step: job.step, steps: job.steps, label: job.stepLabel, detail })

const byAge = (a: InstallationJob, b: InstallationJob) => DateTime.toEpochMillis(a.updatedAt) - DateTime.toEpochMillis(b.updatedAt)

export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const jobs = database.table<Jobs>("installationJobs", new Map())
  const events = database.table<Events>("installationEvents", new Map())
  const installed = database.table<ReadonlyMap<string, InstalledModule>>("installedModules", new Map())
  const locks = database.table<ReadonlyMap<string, JobId>>("installationLocks", new Map())

  const append = (job: InstallationJob, detail: Option.Option<string>) =>
    events.update((all) => {
      const history = all.get(job.id) ?? []
      return new Map(all).set(job.id, [...history, eventOf(job, history.length + 1, detail)])
    })
  const holding = (all: Jobs, job: InstallationJob) =>
    [...all.values()].find((other) =>
      other.id !== job.id && other.tenantId === job.tenantId &&
      ((isLive(other.state) && isLive(job.state) && other.module === job.module) ||
        (Option.isSome(job.idempotencyKey) && Option.contains(other.idempotencyKey, job.idempotencyKey.value))))

  return Installations.of({
    create: (job) =>
      database.withTransaction(Effect.gen(function*() {
        const existing = yield* jobs.modify((all) => {
          const other = holding(all, job)
          return other !== undefined ? [Option.some(other), all] as const : [Option.none(), new Map(all).set(job.id, job)] as const
        })
        if (Option.isSome(existing)) return { created: false, job: existing.value }
        yield* append(job, Option.none())
        return { created: true, job }
      })),
    find: (id) => Effect.map(jobs.get, (all) => Option.fromNullable(all.get(id))),
    findByKey: (tenantId, key) =>
      Effect.map(jobs.get, (all) =>
        Option.fromNullable([...all.values()].find((j) => j.tenantId === tenantId && Option.contains(j.idempotencyKey, key)))),
    latest: (tenantId, module) =>
      Effect.map(jobs.get, (all) =>
        Option.fromNullable(
          [...all.values()].filter((j) => j.tenantId === tenantId && j.module === module)
            .sort((a, b) => DateTime.toEpochMillis(b.createdAt) - DateTime.toEpochMillis(a.createdAt) || (a.id < b.id ? 1 : -1))[0]
        )),
    save: (job, expected, detail) =>
      database.withTransaction(Effect.gen(function*() {
        const outcome = yield* jobs.modify((all) => {
          const stored = all.get(job.id)
          if (stored === undefined || stored.state !== expected.state || stored.queued !== expected.queued || stored.attempt !== expected.attempt) {
            return ["stale", all] as const
          }
          return holding(all, job) !== undefined ? ["conflict", all] as const : ["saved", new Map(all).set(job.id, job)] as const
        })
        if (outcome === "conflict") {
          return yield* new RepositoryError({ operation: "Installations.save", cause: new Error(`another live job holds ${job.tenantId}/${job.module}`) })
        }
        if (outcome === "saved") yield* append(job, detail)
        return outcome === "saved"
      })),
    history: (id) => Effect.map(events.get, (all) => all.get(id) ?? []),
    queued: (limit) => Effect.map(jobs.get, (all) => [...all.values()].filter((j) => j.queued).sort(byAge).slice(0, limit)),
    stale: (before, limit) =>
      Effect.map(jobs.get, (all) =>
        [...all.values()].filter((j) => !j.queued && inFlight.includes(j.state) && DateTime.lessThan(j.updatedAt, before)).sort(byAge).slice(0, limit)),
    counts: Effect.map(jobs.get, (all) => {
      const byState = new Map<JobState, number>()
      for (const job of all.values()) byState.set(job.state, (byState.get(job.state) ?? 0) + 1)
      return { byState, queued: [...all.values()].filter((j) => j.queued).length }
    }),
    installed: (tenantId) =>
      Effect.map(installed.get, (all) => [...all.values()].filter((m) => m.tenantId === tenantId).sort((a, b) => (a.name < b.name ? -1 : 1))),
    putInstalled: (module) => installed.update((all) => new Map(all).set(`${module.tenantId}/${module.name}`, module)),
    removeInstalled: (tenantId, name) =>
      installed.update((all) => new Map([...all].filter(([key]) => key !== `${tenantId}/${name}`))),
    lock: (tenantId, jobId) =>
      locks.modify((all) => {
        const holder = all.get(tenantId)
        if (holder !== undefined) return [holder === jobId, all] as const
        return [true, new Map(all).set(tenantId, jobId)] as const
      }),
    unlock: (tenantId, jobId) => locks.update((all) => (all.get(tenantId) === jobId ? new Map([...all].filter(([t]) => t !== tenantId)) : all)),
    lockHolder: (tenantId) => Effect.map(locks.get, (all) => Option.fromNullable(all.get(tenantId)))
  })
})

export const layer: Layer.Layer<Installations, never, MemoryDatabase> = Layer.effect(Installations, make)
