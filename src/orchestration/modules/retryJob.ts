import { Clock, DateTime, Effect, Either, Option } from "effect"
import { retryAfterSeconds } from "../../domain/modules/CircuitBreaker.js"
import type { JobId } from "../../domain/modules/InstallationJob.js"
import { EntitlementServiceUnavailable, InstallationAccepted, inProgress, JobStateConflict } from "../../domain/modules/InstallationOutcomes.js"
import { expectedOf, moved } from "../../domain/modules/JobTransitions.js"
import { planInstall } from "../../domain/modules/Planner.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { authorizeJob, isJob } from "./authorizeJob.js"
import { Entitlements } from "./Entitlements.js"
import { InstallationSignal } from "./InstallationSignal.js"
import { Installations } from "./Installations.js"
import { jobAudit, mustMove } from "./jobIntents.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

/**
 * Retries a Failed installation (Failed → Installing, a new attempt queued for the tenant's turn;
 * the saga plans it again). `InstallationAccepted | JobStateConflict | InstallationInProgress |
 * EntitlementServiceUnavailable | NotFound` and the planner's refusals, or a refusal.
 */
export const retryJob = fn("Modules.retryJob")(function*(actor: Actor, jobId: JobId) {
  const job = yield* authorizeJob(actor, "modules.install", jobId)
  if (!isJob(job)) return job
  if (job.state === "Installing" && job.queued) return new InstallationAccepted({ job })
  if (job.state !== "Failed") return new JobStateConflict({ jobId, state: job.state, expected: "Failed" })
  const installations = yield* Installations
  const latest = yield* installations.latest(job.tenantId, job.module)
  if (Option.exists(latest, (other) => other.id !== job.id && other.state !== "Failed" && other.state !== "Uninstalled")) {
    return inProgress(Option.getOrThrow(latest))
  }
  const circuit = yield* (yield* Entitlements).circuit
  const wait = retryAfterSeconds(circuit, yield* Clock.currentTimeMillis)
  if (circuit.state === "open" && Option.isSome(wait)) return new EntitlementServiceUnavailable({ retryAfterSeconds: wait.value })
  const plan = planInstall(yield* (yield* ModuleRegistry).list(), yield* installations.installed(job.tenantId), { tenantId: job.tenantId, name: job.module, range: job.range })
  if (Either.isLeft(plan)) return plan.left
  const retried = yield* mustMove(moved(job, "retry", yield* DateTime.now, {
    queued: true, attempt: job.attempt + 1, version: plan.right.target.version, step: 0, steps: plan.right.steps.length,
    stepLabel: "queued for retry", error: Option.none(), plan: Option.none(), requestedBy: actor, startedAt: Option.none(), finishedAt: Option.none()
  }))
  const auditTrail = yield* AuditTrail
  const saved = yield* (yield* Transactions).withTransaction(Effect.tap(installations.save(retried, expectedOf(job), Option.some("retry requested")), (ok) =>
    ok ? auditTrail.record(jobAudit("modules.retry", actor, retried, "InstallationAccepted")) : Effect.void))
  if (!saved) return new JobStateConflict({ jobId, state: Option.getOrElse(Option.map(yield* installations.find(jobId), (j) => j.state), () => job.state), expected: "Failed" })
  yield* (yield* InstallationSignal).wake
  return new InstallationAccepted({ job: retried })
})
