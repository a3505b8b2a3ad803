import { DateTime, Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { JobId } from "../../domain/modules/InstallationJob.js"
import { JobResolved, JobStateConflict, type Resolution } from "../../domain/modules/InstallationOutcomes.js"
import { expectedOf, moved } from "../../domain/modules/JobTransitions.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { InstallationSignal } from "./InstallationSignal.js"
import { Installations } from "./Installations.js"
import { jobAudit, mustMove, operationsNotice } from "./jobIntents.js"
import { releaseTenant } from "./settleJob.js"
import { TenantStorage } from "./TenantStorage.js"

/**
 * An operator settles a job in ManualIntervention: `restore-backup` first puts the tenant's storage
 * back as the job's backup has it; `mark-rolled-back` records that the operator did so by hand. The
 * job ends as its operation would have after a rollback (Failed for an install, Active otherwise) and
 * the tenant's lock is released. Needs `modules.install` platform-wide. `JobResolved | NotFound |
 * JobStateConflict`, or a refusal.
 */
export const resolveJob = fn("Modules.resolveJob")(function*(actor: Actor, jobId: JobId, resolution: Resolution, note: string) {
  const refused = yield* authorize(actor, "modules.install", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const installations = yield* Installations
  const found = yield* installations.find(jobId)
  if (Option.isNone(found)) return new NotFound({ entity: "installation job", id: jobId })
  const job = found.value
  if (job.state !== "ManualIntervention") return new JobStateConflict({ jobId, state: job.state, expected: "ManualIntervention" })
  const restored = resolution === "restore-backup" ? yield* (yield* TenantStorage).restoreIfChanged(job.tenantId, job.id, job.attempt) : false
  const resolved = yield* mustMove(moved(job, "resolved", yield* DateTime.now, { stepLabel: `resolved by an operator (${resolution})` }))
  const detail = `${resolution}${restored ? " (storage restored from the backup)" : ""}${note === "" ? "" : `: ${note}`}`
  const saved = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* installations.save(resolved, expectedOf(job), Option.some(detail)))) return false
    yield* releaseTenant(resolved)
    yield* (yield* AuditTrail).record(jobAudit("modules.resolve", actor, resolved, "JobResolved", detail))
    yield* (yield* Notifications).emit(operationsNotice("modules.job.resolved", resolved))
    return true
  }))
  if (!saved) return new JobStateConflict({ jobId, state: job.state, expected: "ManualIntervention" })
  yield* (yield* InstallationSignal).wake
  return new JobResolved({ job: resolved })
})
