import { DateTime, Effect, Option } from "effect"
import { expectedOf, progressed } from "../../domain/modules/JobTransitions.js"
import { untouchedBy } from "../../domain/modules/JobPlanning.js"
import type { PlannedStep } from "../../domain/modules/Plan.js"
import { nothingUntouched } from "../../domain/modules/TenantSnapshot.js"
import { fn } from "../shared/Fn.js"
import { RepositoryError } from "../shared/RepositoryError.js"
import { Transactions } from "../shared/Transactions.js"
import { activateJob } from "./activateJob.js"
import { Installations } from "./Installations.js"
import { jobOf, type Run } from "./InstallationRun.js"
import { ModuleRegistry } from "./ModuleRegistry.js"
import { ModuleSteps } from "./ModuleSteps.js"
import { discardBackups } from "./settleJob.js"
import { TenantStorage } from "./TenantStorage.js"

/**
 * Step `k` of a run: the step's effect and the job's progress (step k of n, its label) in one
 * transaction of the platform's storage — on PostgreSQL the tenant's schema is in it too; on SQLite
 * the tenant's own database commits first and its ledger makes the step a no-op when run again.
 * A step whose progress is recorded already is not run again.
 */
export const runStep = fn("Modules.runStep")(function*(run: Run, k: number, planned: PlannedStep) {
  const job = yield* jobOf(run)
  if (job.step >= k) return
  if (planned.step._tag === "Activate") {
    yield* activateJob(job, k, planned.label, planned.step)
    return yield* discardBackups(job)
  }
  const step = planned.step
  const installations = yield* Installations
  const installed = step._tag === "Backup" ? yield* installations.installed(job.tenantId) : []
  const registry = step._tag === "Backup" ? yield* (yield* ModuleRegistry).list() : []
  const effect: Effect.Effect<void, RepositoryError, TenantStorage | ModuleSteps | ModuleRegistry> = step._tag === "Backup"
    ? Effect.gen(function*() {
      const untouched = Option.match(job.plan, {
        onNone: () => nothingUntouched,
        onSome: (plan) => untouchedBy(plan, installed, registry)
      })
      yield* (yield* TenantStorage).backup(job.tenantId, job.id, job.attempt, untouched)
    })
    : Effect.flatMap(ModuleSteps, (steps) => steps.run(job.tenantId, step))
  const saved = yield* (yield* Transactions).withTransaction(
    Effect.zipRight(effect, installations.save(progressed(job, k, planned.label, yield* DateTime.now), expectedOf(job), Option.none()))
  )
  if (!saved) return yield* new RepositoryError({ operation: `Modules.runStep ${k}`, cause: new Error(`job ${job.id} changed while step ${k} ran`) })
})
