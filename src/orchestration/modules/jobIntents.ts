import { Effect, Either } from "effect"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import type { InstallationJob } from "../../domain/modules/InstallationJob.js"
import type { InvalidTransition } from "../../domain/modules/JobTransitions.js"
import { NotificationIntent, OperationsAudience } from "../../domain/notifications/NotificationIntent.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"

/** The audit record of something done to a job (`modules.install`, `modules.retry`, …). */
export const jobAudit = (action: string, actor: Actor, job: InstallationJob, outcome: string, reason?: string) =>
  new AuditIntent({
    action,
    actor,
    outcome,
    target: new AuditTarget({ type: "installation-job", id: job.id }),
    tenantId: job.tenantId,
    ...(reason === undefined ? {} : { reason }),
    details: { module: job.module, version: job.version, operation: job.operation, state: job.state, attempt: job.attempt }
  })

/** Tells the operators about a job that needs them (a failing undo) or that they settled. */
export const operationsNotice = (kind: string, job: InstallationJob) =>
  new NotificationIntent({
    kind,
    category: "operations",
    audience: new OperationsAudience(),
    tenantId: job.tenantId,
    data: {
      jobId: job.id,
      module: job.module,
      version: job.version,
      operation: job.operation,
      state: job.state,
      step: job.stepLabel,
      error: job.error._tag === "Some" ? job.error.value : null
    }
  })

/** A transition the saga relies on: refused, it is a broken invariant (a defect). */
export const mustMove = <A>(moved: Either.Either<A, InvalidTransition>) =>
  Either.match(moved, {
    onLeft: (refused) => Effect.die(new InvariantViolation({ message: `job cannot take ${refused.event} in ${refused.from}` })),
    onRight: Effect.succeed
  })
