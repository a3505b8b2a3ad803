import { Effect, Option, Schema } from "effect"
import { type InstallationJob, JobId, JobState, Operation } from "../../domain/modules/InstallationJob.js"
import { Plan } from "../../domain/modules/Plan.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { RepositoryError } from "../shared/RepositoryError.js"
import { EntitlementsError } from "./Entitlements.js"
import { Installations } from "./Installations.js"

/** One run of the installation saga: a job's attempt at its operation. */
export const RunFields = {
  jobId: JobId,
  tenantId: TenantId,
  module: Schema.String,
  version: Schema.String,
  operation: Operation,
  attempt: Schema.Int
}
export type Run = Schema.Struct.Type<typeof RunFields>

/** The run of a job's current attempt. */
export const runOf = (job: InstallationJob): Run => ({
  jobId: job.id,
  tenantId: job.tenantId,
  module: job.module,
  version: job.version,
  operation: job.operation,
  attempt: job.attempt
})

/** The job a run works on. A run whose job is gone, or moved on to another attempt, broke an invariant. */
export const jobOf = (run: Run) =>
  Effect.flatMap(Installations, (installations) => installations.find(run.jobId)).pipe(
    Effect.flatMap(Option.match({
      onNone: () => Effect.die(new InvariantViolation({ message: `installation job ${run.jobId} is gone` })),
      onSome: (job) =>
        job.attempt === run.attempt
          ? Effect.succeed(job)
          : Effect.die(new InvariantViolation({ message: `job ${run.jobId} is at attempt ${job.attempt}, not ${run.attempt}` }))
    }))
  )

/** Validation passed: the steps to run. */
export class Proceed extends Schema.TaggedClass<Proceed>()("Proceed", { plan: Plan }) {}

/** The run is over (refused at validation, nothing left to do, or settled already). */
export class Settled extends Schema.TaggedClass<Settled>()("Settled", { state: JobState }) {}

export const Validation = Schema.Union(Proceed, Settled)

/** What fails a saga step: the stores, or the subscription service. */
export const SagaError = Schema.Union(RepositoryError, EntitlementsError)
