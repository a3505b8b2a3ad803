import { Cause, DateTime, Effect, Either, Option } from "effect"
import { moved } from "../../domain/modules/JobTransitions.js"
import { jobOf, type Run } from "./InstallationRun.js"
import { mustMove } from "./jobIntents.js"
import { discardBackups, settle } from "./settleJob.js"
import { failureOf, rollingBack } from "./undoStep.js"

/**
 * The last compensation of a failed run (registered by its first step): a job rolling back (or
 * failing before any undo) settles — Failed for an installation, Active again for an upgrade or an
 * uninstall — and frees the tenant. A job in ManualIntervention stays there, its tenant locked.
 */
export const settleRollback = (run: Run, cause: Cause.Cause<unknown>) =>
  Effect.gen(function*() {
    if (Cause.isInterruptedOnly(cause)) return
    const job = yield* rollingBack(yield* jobOf(run), cause)
    const now = yield* DateTime.now
    const error = Option.orElse(job.error, () => Option.some(failureOf(cause)))
    const final = job.state === "Validating"
      ? moved(job, "rejected", now, { error, stepLabel: "failed" })
      : moved(job, "rolledBack", now, { stepLabel: "rolled back" })
    if (Either.isLeft(final)) return
    if (yield* settle(job, yield* mustMove(final), error)) yield* discardBackups(job)
  }).pipe(
    Effect.catchAllCause((failure) =>
      Effect.logError("rollback: the job could not be settled").pipe(Effect.annotateLogs({ jobId: run.jobId, cause: Cause.pretty(failure) }))),
    Effect.withSpan("Modules.settleRollback")
  )
