import { Schema } from "effect"
import { InstallationJob, InstalledModule, JobState, Operation } from "./InstallationJob.js"

/** The operation is accepted (or was already): follow the job. */
export class InstallationAccepted extends Schema.TaggedClass<InstallationAccepted>()("InstallationAccepted", {
  job: InstallationJob
}) {}

/** The subscription service is failing and its circuit is open: nothing was changed; retry later. */
export class EntitlementServiceUnavailable extends Schema.TaggedClass<EntitlementServiceUnavailable>()("EntitlementServiceUnavailable", {
  retryAfterSeconds: Schema.NonNegativeInt
}) {}

/** Another operation on this module in this tenant is under way or waiting: follow that job. */
export class InstallationInProgress extends Schema.TaggedClass<InstallationInProgress>()("InstallationInProgress", {
  jobId: Schema.String,
  operation: Operation,
  version: Schema.String,
  state: JobState
}) {}

/** The idempotency key was used for a different request. */
export class IdempotencyKeyReused extends Schema.TaggedClass<IdempotencyKeyReused>()("IdempotencyKeyReused", {
  key: Schema.String
}) {}

/** The job is not in the state the action needs (a retry needs Failed, a resolution ManualIntervention). */
export class JobStateConflict extends Schema.TaggedClass<JobStateConflict>()("JobStateConflict", {
  jobId: Schema.String,
  state: JobState,
  expected: JobState
}) {}

/** The module is not active in the tenant: its endpoints do not answer there. */
export class ModuleNotActive extends Schema.TaggedClass<ModuleNotActive>()("ModuleNotActive", {
  module: Schema.String
}) {}

/** The tenant lacks the entitlement the module needs (recorded as a job's error). */
export class NotEntitled extends Schema.TaggedClass<NotEntitled>()("NotEntitled", {
  entitlement: Schema.String
}) {}

/** The modules installed in a tenant. */
export class InstalledModules extends Schema.TaggedClass<InstalledModules>()("InstalledModules", {
  modules: Schema.Array(InstalledModule)
}) {}

/** How an operator settles a job in ManualIntervention. */
export const Resolution = Schema.Literal("restore-backup", "mark-rolled-back")
export type Resolution = typeof Resolution.Type

export class JobResolved extends Schema.TaggedClass<JobResolved>()("JobResolved", { job: InstallationJob }) {}

/** The conflict a live job answers. */
export const inProgress = (job: InstallationJob) =>
  new InstallationInProgress({ jobId: job.id, operation: job.operation, version: job.version, state: job.state })
