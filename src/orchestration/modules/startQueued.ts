import { DateTime, Effect, Option } from "effect"
import { InstallationJob } from "../../domain/modules/InstallationJob.js"
import { expectedOf } from "../../domain/modules/JobTransitions.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Installations } from "./Installations.js"
import { runOf } from "./InstallationRun.js"
import { InstallationWorkflow } from "./InstallationWorkflow.js"

/**
 * Starts queued jobs, oldest first, one per tenant whose installation lock is free: the lock and
 * the job's leaving the queue commit together, then the saga's run is started (a start repeated
 * after a crash is harmless: runs are idempotent by key). Returns how many started.
 */
export const startQueued = fn("Modules.startQueued")(function*(batch: number) {
  const installations = yield* Installations
  const transactions = yield* Transactions
  const tenants = new Set<string>()
  let started = 0
  for (const job of yield* installations.queued(batch)) {
    if (tenants.has(job.tenantId)) continue
    tenants.add(job.tenantId)
    const now = yield* DateTime.now
    const taken = new InstallationJob({ ...job, queued: false, updatedAt: now, startedAt: Option.some(now), stepLabel: "started" })
    const ok = yield* transactions.withTransaction(Effect.gen(function*() {
      if (!(yield* installations.lock(job.tenantId, job.id, now))) return false
      const saved = yield* installations.save(taken, expectedOf(job), Option.none())
      if (!saved) yield* installations.unlock(job.tenantId, job.id)
      return saved
    }))
    if (!ok) continue
    yield* InstallationWorkflow.execute(runOf(taken), { discard: true })
    started++
  }
  return started
})
