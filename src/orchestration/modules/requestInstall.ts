import { Clock, DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { retryAfterSeconds } from "../../domain/modules/CircuitBreaker.js"
import { type InstallationJob, isLive, JobId } from "../../domain/modules/InstallationJob.js"
import { pendingJob } from "../../domain/modules/JobTransitions.js"
import {
  EntitlementServiceUnavailable,
  IdempotencyKeyReused,
  InstallationAccepted,
  type InstallationInProgress,
  inProgress
} from "../../domain/modules/InstallationOutcomes.js"
import { planInstall } from "../../domain/modules/Planner.js"
import { InvalidSemver } from "../../domain/modules/RegistryOutcomes.js"
import { isRange, satisfies } from "../../domain/modules/Semver.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { Entitlements } from "./Entitlements.js"
import { InstallationSignal } from "./InstallationSignal.js"
import { Installations } from "./Installations.js"
import { jobAudit } from "./jobIntents.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

export interface InstallRequest {
  readonly tenantId: TenantId
  readonly module: string
  /** The versions acceptable (default `*`: the highest published). */
  readonly range: string
  readonly idempotencyKey: Option.Option<string>
}

/** What an earlier job answers to this request: the same job, a conflict, or nothing (a new job is due). */
const answerOf = (
  request: InstallRequest,
  job: InstallationJob
): Option.Option<InstallationAccepted | IdempotencyKeyReused | InstallationInProgress> => {
  if (Option.isSome(request.idempotencyKey) && Option.contains(job.idempotencyKey, request.idempotencyKey.value)) {
    return Option.some(job.module === request.module ? new InstallationAccepted({ job }) : new IdempotencyKeyReused({ key: request.idempotencyKey.value }))
  }
  if (job.state === "Uninstalled" || job.module !== request.module) return Option.none()
  const same = job.operation === "install" && satisfies(job.version, request.range)
  if (same && (isLive(job.state) || job.state === "Failed")) return Option.some(new InstallationAccepted({ job }))
  return isLive(job.state)
    ? Option.some(inProgress(job))
    : Option.none()
}

/**
 * Accepts an installation (202 and the job): validated, planned and run by the saga in the tenant's
 * turn. The same request — the same idempotency key, or the same tenant, module and version —
 * answers the same job. Refused at once, changing nothing, while the entitlement circuit is open.
 * `InstallationAccepted | InstallationInProgress | IdempotencyKeyReused | EntitlementServiceUnavailable
 * | DependencyCycle | UnresolvableDependency | AlreadyInstalled`, or a refusal.
 */
export const requestInstall = fn("Modules.requestInstall")(function*(actor: Actor, request: InstallRequest) {
  const refused = yield* authorize(actor, "modules.install", AccessScope.tenant(request.tenantId))
  if (Option.isSome(refused)) return refused.value
  if (!isRange(request.range)) return new InvalidSemver({ field: "version", value: request.range })
  const installations = yield* Installations
  const byKey = yield* Option.match(request.idempotencyKey, { onNone: () => Effect.succeedNone, onSome: (key) => installations.findByKey(request.tenantId, key) })
  const previous = Option.isSome(byKey) ? byKey : yield* installations.latest(request.tenantId, request.module)
  const answer = Option.flatMap(previous, (job) => answerOf(request, job))
  if (Option.isSome(answer)) return answer.value
  const circuit = yield* (yield* Entitlements).circuit
  const wait = retryAfterSeconds(circuit, yield* Clock.currentTimeMillis)
  if (circuit.state === "open" && Option.isSome(wait)) return new EntitlementServiceUnavailable({ retryAfterSeconds: wait.value })
  const registry = yield* (yield* ModuleRegistry).list()
  const plan = planInstall(registry, yield* installations.installed(request.tenantId), { ...request, name: request.module })
  if (Either.isLeft(plan)) return plan.left
  const { target, steps } = plan.right
  const id = JobId.make(yield* (yield* Ids).next)
  const job = pendingJob({ ...request, id, module: target.name, version: target.version, steps: steps.length, requestedBy: actor, now: yield* DateTime.now })
  const auditTrail = yield* AuditTrail
  const { created, job: held } = yield* (yield* Transactions).withTransaction(Effect.tap(installations.create(job), ({ created }) =>
    created ? auditTrail.record(jobAudit("modules.install", actor, job, "InstallationAccepted")) : Effect.void))
  if (!created) return Option.getOrElse(answerOf(request, held), () => inProgress(held))
  yield* (yield* InstallationSignal).wake
  return new InstallationAccepted({ job })
})
