import { Cause, DateTime, Effect, Match, Option, Schedule } from "effect"
import type { InstallationJob } from "../../domain/modules/InstallationJob.js"
import { expectedOf, isRunning, moved, progressed } from "../../domain/modules/JobTransitions.js"
import type { PlannedStep, Undo } from "../../domain/modules/Plan.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { Transactions } from "../shared/Transactions.js"
import { Installations } from "./Installations.js"
import { jobOf, type Run } from "./InstallationRun.js"
import { jobAudit, mustMove, operationsNotice } from "./jobIntents.js"
import { ModuleSteps } from "./ModuleSteps.js"
import { recordSettled, saga } from "./settleJob.js"
import { TenantStorage } from "./TenantStorage.js"

/** What failed, in a line (the job's error). */
export const failureOf = (cause: Cause.Cause<unknown>): string => {
  const error = Cause.squash(cause)
  return error instanceof Error ? error.message : String(error)
}

/** Runs an undo: a down migration or teardown, or restoring the backup when the storage differs from it. */
const perform = (job: InstallationJob, undo: Undo) =>
  Match.value(undo).pipe(
    Match.tags({
      TenantMigration: (step) => Effect.flatMap(ModuleSteps, (steps) => steps.run(job.tenantId, step)),
      Teardown: (step) => Effect.flatMap(ModuleSteps, (steps) => steps.run(job.tenantId, step)),
      RestoreIfChanged: () => Effect.asVoid(Effect.flatMap(TenantStorage, (storage) => storage.restoreIfChanged(job.tenantId, job.id, job.attempt)))
    }),
    Match.orElse(() => Effect.void)
  )

/** The job enters RollingBack (once), with the failure that started it as its error. */
export const rollingBack = (job: InstallationJob, cause: Cause.Cause<unknown>) =>
  Effect.gen(function*() {
    if (!isRunning(job.state)) return job
    const failing = yield* mustMove(moved(job, "stepFailed", yield* DateTime.now, { error: Option.some(failureOf(cause)), stepLabel: "rolling back" }))
    yield* (yield* Installations).save(failing, expectedOf(job), Option.some(failureOf(cause)))
    return failing
  })

/** An undo failed for good: ManualIntervention, with the error, an audit record and a notice to the operators. */
const needsOperator = (job: InstallationJob, planned: PlannedStep, error: string) =>
  Effect.gen(function*() {
    const stuck = yield* mustMove(moved(job, "undoFailed", yield* DateTime.now, { error: Option.some(`undo of "${planned.label}" failed: ${error}`) }))
    const saved = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
      if (!(yield* (yield* Installations).save(stuck, expectedOf(job), stuck.error))) return false
      yield* (yield* AuditTrail).record(jobAudit(`modules.${job.operation}`, saga, stuck, "ManualIntervention", Option.getOrUndefined(stuck.error)))
      yield* (yield* Notifications).emit(operationsNotice("modules.job.manual-intervention", stuck))
      return true
    }))
    if (saved) yield* recordSettled(stuck)
  })

/**
 * The compensation of step `k`, run (in reverse order) when the run failed after its retries: the
 * job goes RollingBack and the step is undone, retried a few times. An undo that keeps failing
 * moves the job to ManualIntervention and later undos do nothing, so the storage is left as the
 * operator will find it. An interruption (the process stopping) is not a failure: nothing is undone.
 */
export const undoStep = (run: Run, k: number, planned: PlannedStep, cause: Cause.Cause<unknown>) =>
  Effect.gen(function*() {
    if (Cause.isInterruptedOnly(cause)) return
    const job = yield* rollingBack(yield* jobOf(run), cause)
    if (job.state !== "RollingBack") return
    const undone = yield* perform(job, planned.undo).pipe(Effect.retry({ times: 3, schedule: Schedule.exponential("100 millis") }), Effect.either)
    if (undone._tag === "Left") return yield* needsOperator(job, planned, undone.left.message)
    yield* (yield* Installations).save(progressed(job, k - 1, `undone: ${planned.label}`, yield* DateTime.now), expectedOf(job), Option.none())
  }).pipe(
    Effect.catchAllCause((failure) =>
      Effect.logError("undo step: the job record could not be written").pipe(Effect.annotateLogs({ jobId: run.jobId, step: k, cause: Cause.pretty(failure) }))),
    Effect.withSpan("Modules.undoStep")
  )

