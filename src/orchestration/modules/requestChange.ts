import { Clock, DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { retryAfterSeconds } from "../../domain/modules/CircuitBreaker.js"
import type { InstallationJob } from "../../domain/modules/InstallationJob.js"
import { EntitlementServiceUnavailable, InstallationAccepted, inProgress } from "../../domain/modules/InstallationOutcomes.js"
import { expectedOf, moved } from "../../domain/modules/JobTransitions.js"
import { NotInstalled } from "../../domain/modules/Plan.js"
import { planUninstall, planUpgrade } from "../../domain/modules/Planner.js"
import { InvalidSemver } from "../../domain/modules/RegistryOutcomes.js"
import { isRange, satisfies } from "../../domain/modules/Semver.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Entitlements } from "./Entitlements.js"
import { InstallationSignal } from "./InstallationSignal.js"
import { Installations } from "./Installations.js"
import { jobAudit, mustMove } from "./jobIntents.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

export interface ChangeRequest {
  readonly tenantId: TenantId
  readonly module: string
  /** For an upgrade: the versions acceptable (the highest newer one is chosen). */
  readonly range: string
}

/** An accepted upgrade or uninstall waiting in the job already answers the same request. */
const sameRequest = (job: InstallationJob, operation: "upgrade" | "uninstall", range: string) =>
  job.operation === operation && (job.state === "Upgrading" || job.state === "Uninstalling") && (operation === "uninstall" || satisfies(job.version, range))

/**
 * Accepts an upgrade or an uninstall of an Active module (202 and its job, which moves to
 * Upgrading or Uninstalling and waits for the tenant's turn). `InstallationAccepted | NotInstalled |
 * InstallationInProgress | EntitlementServiceUnavailable` and the planner's refusals (an uninstall
 * with installed dependents is refused: `DependentsInstalled`), or a refusal.
 */
const requestChange = (operation: "upgrade" | "uninstall") =>
  fn(`Modules.request${operation === "upgrade" ? "Upgrade" : "Uninstall"}`)(function*(actor: Actor, request: ChangeRequest) {
    const refused = yield* authorize(actor, "modules.install", AccessScope.tenant(request.tenantId))
    if (Option.isSome(refused)) return refused.value
    if (operation === "upgrade" && !isRange(request.range)) return new InvalidSemver({ field: "version", value: request.range })
    const installations = yield* Installations
    const latest = yield* installations.latest(request.tenantId, request.module)
    if (Option.isNone(latest) || latest.value.state === "Failed" || latest.value.state === "Uninstalled") return new NotInstalled({ name: request.module })
    const job = latest.value
    if (sameRequest(job, operation, request.range)) return new InstallationAccepted({ job })
    if (job.state !== "Active" || job.queued) return inProgress(job)
    const circuit = yield* (yield* Entitlements).circuit
    const wait = retryAfterSeconds(circuit, yield* Clock.currentTimeMillis)
    if (operation === "upgrade" && circuit.state === "open" && Option.isSome(wait)) return new EntitlementServiceUnavailable({ retryAfterSeconds: wait.value })
    const facts = [yield* (yield* ModuleRegistry).list(), yield* installations.installed(request.tenantId)] as const
    const target = { tenantId: request.tenantId, name: request.module, range: request.range }
    const plan = operation === "upgrade"
      ? Either.map(planUpgrade(...facts, target), (p) => ({ version: p.to, steps: p.steps.length }))
      : Either.map(planUninstall(...facts, target), (p) => ({ version: p.version, steps: p.steps.length }))
    if (Either.isLeft(plan)) return plan.left
    const changed = yield* mustMove(moved(job, operation, yield* DateTime.now, {
      operation, version: plan.right.version, fromVersion: Option.some(job.version), range: request.range, queued: true, attempt: job.attempt + 1,
      step: 0, steps: plan.right.steps, stepLabel: "queued", error: Option.none(), plan: Option.none(), requestedBy: actor,
      startedAt: Option.none(), finishedAt: Option.none()
    }))
    const auditTrail = yield* AuditTrail
    const saved = yield* (yield* Transactions).withTransaction(Effect.tap(installations.save(changed, expectedOf(job), Option.some(`${operation} requested`)), (ok) =>
      ok ? auditTrail.record(jobAudit(`modules.${operation}`, actor, changed, "InstallationAccepted")) : Effect.void))
    if (!saved) return inProgress(Option.getOrElse(yield* installations.find(job.id), () => job))
    yield* (yield* InstallationSignal).wake
    return new InstallationAccepted({ job: changed })
  })

export const requestUpgrade = requestChange("upgrade")
export const requestUninstall = requestChange("uninstall")
