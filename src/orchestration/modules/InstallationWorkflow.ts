import * as Activity from "@effect/workflow/Activity"
import * as Workflow from "@effect/workflow/Workflow"
import { Duration, Effect } from "effect"
import { RepositoryError } from "../shared/RepositoryError.js"
import { beginJob } from "./beginJob.js"
import { InstallationSignal } from "./InstallationSignal.js"
import { type Run, RunFields, SagaError, Settled, Validation } from "./InstallationRun.js"
import { runStep } from "./runStep.js"
import { settleRollback } from "./settleRollback.js"
import { undoStep } from "./undoStep.js"
import { validateJob } from "./validateJob.js"

/**
 * The installation saga on the durable workflow engine. One execution per attempt of a job's
 * operation; its idempotency key is the natural key (tenant, module, version, operation) with the
 * job and attempt, so repeating a start is harmless and a retry is a new execution.
 */
export const InstallationWorkflow = Workflow.make({
  name: "baton/modules/Installation",
  payload: RunFields,
  success: Settled,
  error: SagaError,
  idempotencyKey: (run) => `${run.tenantId}/${run.module}@${run.version}/${run.operation}/${run.jobId}#${run.attempt}`
})

/** Attempts of an activity: the first and two retries, 100 ms then 200 ms apart. */
const attempts = 3

const backingOff = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Activity.CurrentAttempt, (attempt) =>
    attempt === 1 ? effect : Effect.delay(effect, Duration.millis(100 * 2 ** (attempt - 2))))

/**
 * The saga: begin → validate (permission, tenant, plan, entitlements) → each planned step (landlord
 * migrations, backup, tenant migrations, setups, activation), each with its undo registered as a
 * compensation. A step that still fails after its retries fails the run: the engine runs the
 * compensations of the completed steps in reverse (RollingBack), then `settleRollback` (Failed,
 * or ManualIntervention when an undo failed). All I/O happens in activities; the body is replayed.
 */
export const layer = InstallationWorkflow.toLayer(Effect.fn(function*(run: Run) {
  const signal = yield* InstallationSignal
  yield* Activity.make({ name: "begin", error: RepositoryError, execute: backingOff(beginJob(run)) }).pipe(
    Activity.retry({ times: attempts - 1 }),
    InstallationWorkflow.withCompensation((_, cause) => settleRollback(run, cause).pipe(Effect.zipRight(signal.wake)))
  )
  const validation = yield* Activity.make({ name: "validate", success: Validation, error: SagaError, execute: backingOff(validateJob(run)) }).pipe(
    Activity.retry({ times: attempts - 1 })
  )
  if (validation._tag === "Settled") return yield* Effect.as(signal.wake, validation)
  for (const [index, planned] of validation.plan.steps.entries()) {
    const k = index + 1
    yield* Activity.make({ name: `step-${k}`, error: RepositoryError, execute: backingOff(runStep(run, k, planned)) }).pipe(
      Activity.retry({ times: attempts - 1 }),
      InstallationWorkflow.withCompensation((_, cause) => undoStep(run, k, planned, cause))
    )
  }
  yield* signal.wake
  return new Settled({ state: run.operation === "uninstall" ? "Uninstalled" : "Active" })
}))

