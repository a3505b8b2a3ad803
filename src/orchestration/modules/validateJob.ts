import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { TenantNotActive } from "../../domain/access/AccessOutcomes.js"
import { InstallationJob, isSettled } from "../../domain/modules/InstallationJob.js"
import { NotEntitled } from "../../domain/modules/InstallationOutcomes.js"
import { adopted, entitlementsOf, planForJob, planVersion } from "../../domain/modules/JobPlanning.js"
import { expectedOf, isRunning, moved } from "../../domain/modules/JobTransitions.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { Tenants } from "../identity/Tenants.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Entitlements } from "./Entitlements.js"
import { Installations } from "./Installations.js"
import { jobOf, Proceed, type Run, Settled } from "./InstallationRun.js"
import { mustMove } from "./jobIntents.js"
import { ModuleRegistry } from "./ModuleRegistry.js"
import { rejectJob } from "./rejectJob.js"

/**
 * The saga's validation, in the tenant's turn: the requester may still install there, the tenant
 * is active, the operation plans against the tenant as it is now, and the tenant holds the
 * entitlements of the modules it installs (asked through the circuit breaker: a failing service
 * fails the step, which is retried). Stores the plan; a refusal settles the job with it as its error.
 */
export const validateJob = fn("Modules.validateJob")(function*(run: Run) {
  const job = yield* jobOf(run)
  if (isSettled(job.state, false)) return new Settled({ state: job.state })
  if (isRunning(job.state) && Option.isSome(job.plan)) return new Proceed({ plan: job.plan.value })
  const refused = yield* authorize(job.requestedBy, "modules.install", AccessScope.tenant(job.tenantId))
  if (Option.isSome(refused)) return yield* rejectJob(job, refused.value)
  const tenant = yield* (yield* Tenants).find(job.tenantId)
  if (Option.isNone(tenant)) return yield* rejectJob(job, new NotFound({ entity: "tenant", id: job.tenantId }))
  if (tenant.value.status !== "active") return yield* rejectJob(job, new TenantNotActive({ tenantId: job.tenantId }))
  const installations = yield* Installations
  const registry = yield* (yield* ModuleRegistry).list()
  const installed = yield* installations.installed(job.tenantId)
  const plan = planForJob(job, registry, installed)
  if (Either.isLeft(plan)) return yield* rejectJob(job, plan.left, adopted(job, plan.left, installed))
  const entitlements = yield* Entitlements
  for (const entitlement of entitlementsOf(plan.right, registry)) {
    if (!(yield* entitlements.check(job.tenantId, entitlement))) return yield* rejectJob(job, new NotEntitled({ entitlement }))
  }
  const now = yield* DateTime.now
  const fields = { plan: Option.some(plan.right), steps: plan.right.steps.length, step: 0, stepLabel: "validated", version: planVersion(plan.right) }
  const validated = job.state === "Validating"
    ? yield* mustMove(moved(job, "validated", now, fields))
    : new InstallationJob({ ...job, ...fields, updatedAt: now })
  const changing = installed.filter((m) => m.name === job.module && job.operation !== "install")
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* installations.save(validated, expectedOf(job), Option.some(`${fields.steps} steps planned`))
    yield* Effect.forEach(changing, (m) => installations.putInstalled({ ...m, status: "changing" }), { discard: true })
  }))
  return new Proceed({ plan: plan.right })
})
