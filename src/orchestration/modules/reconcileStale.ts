import { DateTime, type Duration, Either, Option } from "effect"
import { InstallationJob } from "../../domain/modules/InstallationJob.js"
import { expectedOf, moved } from "../../domain/modules/JobTransitions.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Installations } from "./Installations.js"
import { runOf } from "./InstallationRun.js"
import { InstallationWorkflow } from "./InstallationWorkflow.js"
import { jobAudit } from "./jobIntents.js"
import { saga } from "./settleJob.js"

const orphaned = "the saga's run ended without settling the job"

/** A job whose run ended without settling it: nothing was done yet (Failed), or no one knows (ManualIntervention). */
const settleOrphan = (job: InstallationJob, now: DateTime.Utc) =>
  job.state === "Validating"
    ? moved(job, "rejected", now, { error: Option.some(orphaned) })
    : Either.flatMap(
      job.state === "RollingBack" ? Either.right(job) : moved(job, "stepFailed", now, { error: Option.some(orphaned) }),
      (rolling) => moved(rolling, "undoFailed", now, { error: Option.some(orphaned) })
    )

/**
 * The reconciler: jobs in flight whose record has not moved for `staleAfter`. A run with no result
 * yet is started again (harmless when it runs: runs are idempotent by key), a suspended one is
 * resumed; a job that lost
 * its tenant's lock goes back to the queue; a run that ended without settling its job settles it
 * (Failed before any step, ManualIntervention otherwise). Returns how many jobs it looked at.
 */
export const reconcileStale = fn("Modules.reconcileStale")(function*(staleAfter: Duration.Duration, batch: number) {
  const installations = yield* Installations
  const now = yield* DateTime.now
  const stale = yield* installations.stale(DateTime.subtractDuration(now, staleAfter), batch)
  for (const job of stale) {
    const holder = yield* installations.lockHolder(job.tenantId)
    if (!Option.contains(holder, job.id)) {
      yield* installations.save(new InstallationJob({ ...job, queued: true, updatedAt: now, stepLabel: "queued again" }), expectedOf(job), Option.some("lost its lock: queued again"))
      continue
    }
    const run = runOf(job)
    const executionId = yield* InstallationWorkflow.executionId(run)
    const result = yield* InstallationWorkflow.poll(executionId)
    if (result === undefined) {
      yield* InstallationWorkflow.execute(run, { discard: true })
      continue
    }
    if (result._tag === "Suspended") {
      yield* InstallationWorkflow.resume(executionId)
      continue
    }
    const settled = settleOrphan(job, now)
    if (Either.isLeft(settled)) continue
    if (yield* installations.save(settled.right, expectedOf(job), Option.some(orphaned))) {
      yield* (yield* AuditTrail).record(jobAudit(`modules.${job.operation}`, saga, settled.right, settled.right.state, orphaned))
    }
  }
  return stale.length
})
