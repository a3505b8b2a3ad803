import { DateTime, Duration, Effect, Metric, Option } from "effect"
import type { InstallationJob } from "../../domain/modules/InstallationJob.js"
import { expectedOf } from "../../domain/modules/JobTransitions.js"
import { SystemActor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Installations } from "./Installations.js"
import { jobAudit } from "./jobIntents.js"
import * as ModuleMetrics from "./ModuleMetrics.js"
import { TenantStorage } from "./TenantStorage.js"

/** The saga, as the audit trail names it. */
export const saga = new SystemActor({ component: "modules-saga" })

/**
 * Frees the tenant for its next job, and an upgraded or uninstalled module that is Active again
 * for its users. Call in the transaction that settles the job.
 */
export const releaseTenant = fn("Modules.releaseTenant")(function*(job: InstallationJob) {
  const installations = yield* Installations
  yield* installations.unlock(job.tenantId, job.id)
  if (job.state !== "Active") return
  const row = (yield* installations.installed(job.tenantId)).find((m) => m.name === job.module)
  if (row !== undefined && row.status !== "active") yield* installations.putInstalled({ ...row, status: "active" })
})

const outcomeOf = (job: InstallationJob) =>
  job.state === "ManualIntervention" ? "manual_intervention" : job.state === "Failed" || job.error._tag === "Some" ? "failed" : "succeeded"

/** Counts a settled operation and observes its duration. */
export const recordSettled = (job: InstallationJob) =>
  Effect.gen(function*() {
    const counter = Metric.tagged(Metric.tagged(ModuleMetrics.settled, "operation", job.operation), "outcome", outcomeOf(job))
    yield* Metric.increment(counter)
    const started = Option.getOrElse(job.startedAt, () => job.createdAt)
    const seconds = Duration.toSeconds(DateTime.distanceDuration(started, Option.getOrElse(job.finishedAt, () => job.updatedAt)))
    yield* Metric.update(Metric.tagged(ModuleMetrics.duration, "operation", job.operation), seconds)
  })

/**
 * Writes a settled job (Active, Failed, Uninstalled) with its history entry, releases the tenant
 * and audits, in one transaction; then counts it. `false` when the job
 * had changed meanwhile (someone settled it first): nothing is written.
 */
export const settle = fn("Modules.settle")(function*(
  before: InstallationJob,
  after: InstallationJob,
  detail: Option.Option<string>
) {
  const installations = yield* Installations
  const audit = yield* AuditTrail
  const saved = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* installations.save(after, expectedOf(before), detail))) return false
    yield* releaseTenant(after)
    yield* audit.record(jobAudit(`modules.${after.operation}`, saga, after, after.state, Option.getOrUndefined(after.error)))
    return true
  }))
  if (saved) yield* recordSettled(after)
  return saved
})

/** Drops a settled job's backups; a failure only leaves them behind (logged). */
export const discardBackups = (job: InstallationJob) =>
  Effect.flatMap(TenantStorage, (storage) => storage.discardBackups(job.id)).pipe(
    Effect.catchAll((error) => Effect.logWarning("backups not discarded").pipe(Effect.annotateLogs({ jobId: job.id, error: error.message })))
  )
