import { DateTime, Effect, Option } from "effect"
import { InstallationJob, InstalledModule, JobId } from "../../domain/modules/InstallationJob.js"
import { expectedOf, moved } from "../../domain/modules/JobTransitions.js"
import type { Activate } from "../../domain/modules/Plan.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { Installations } from "./Installations.js"
import { jobAudit, mustMove } from "./jobIntents.js"
import { recordSettled, releaseTenant, saga } from "./settleJob.js"

/** The lifecycle job of a module installed as another's dependency: its own live job if it has one, else a new Active one. */
const dependencyJob = fn("Modules.dependencyJob")(function*(job: InstallationJob, name: InstallationJob["module"], version: string, now: DateTime.Utc) {
  const installations = yield* Installations
  const created = yield* installations.create(new InstallationJob({
    ...job, id: JobId.make(yield* (yield* Ids).next), module: name, version, range: version, fromVersion: Option.none(), operation: "install",
    state: "Active", queued: false, attempt: 1, step: 0, steps: 0, stepLabel: `installed as a dependency of ${job.module} (job ${job.id})`,
    error: Option.none(), idempotencyKey: Option.none(), plan: Option.none(), createdAt: now, updatedAt: now, startedAt: Option.some(now), finishedAt: Option.some(now)
  }))
  return created.job.id
})

/**
 * The last step, in one transaction: records the plan's modules as installed (each dependency with
 * its own lifecycle job) or removes them, completes the job (Active or Uninstalled), releases the
 * tenant and audits. Done already (the step ran before): nothing happens.
 */
export const activateJob = fn("Modules.activateJob")(function*(job: InstallationJob, step: number, label: string, activate: Activate) {
  if (job.state === "Active" || job.state === "Uninstalled") return
  const installations = yield* Installations
  const now = yield* DateTime.now
  const completed = yield* mustMove(moved(job, "completed", now, { step, stepLabel: label, error: Option.none() }))
  const previous = yield* installations.installed(job.tenantId)
  const saved = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    for (const m of activate.put) {
      const before = previous.find((p) => p.name === m.name)
      const jobId = m.name === job.module ? job.id : yield* dependencyJob(job, m.name, m.version, now)
      yield* installations.putInstalled(new InstalledModule({
        tenantId: job.tenantId, name: m.name, version: m.version, jobId, status: "active",
        asDependency: before?.asDependency ?? m.asDependency, installedAt: before?.installedAt ?? now
      }))
    }
    yield* Effect.forEach(activate.remove, (name) => installations.removeInstalled(job.tenantId, name), { discard: true })
    if (!(yield* installations.save(completed, expectedOf(job), Option.none()))) return false
    yield* releaseTenant(completed)
    yield* (yield* AuditTrail).record(jobAudit(`modules.${job.operation}`, saga, completed, completed.state))
    return true
  }))
  if (saved) yield* recordSettled(completed)
})
