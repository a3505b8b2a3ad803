import { Schema } from "effect"
import { Actor } from "../shared/Actor.js"
import { TenantId } from "../shared/Ids.js"
import { ModuleName } from "./Module.js"
import { Plan } from "./Plan.js"

export const JobId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("JobId"))
export type JobId = typeof JobId.Type

/** The states of a module's installation in a tenant (see `JobTransitions.ts`). */
export const JobState = Schema.Literal(
  "Pending",
  "Validating",
  "Installing",
  "Active",
  "Failed",
  "RollingBack",
  "ManualIntervention",
  "Uninstalling",
  "Uninstalled",
  "Upgrading"
)
export type JobState = typeof JobState.Type

/** What the job was last asked to do. */
export const Operation = Schema.Literal("install", "upgrade", "uninstall")
export type Operation = typeof Operation.Type

/** States in which the saga is running (or about to): progress moves. */
export const inFlight: ReadonlyArray<JobState> = ["Pending", "Validating", "Installing", "RollingBack", "Uninstalling", "Upgrading"]

/** States a job stays in until someone asks for more: a progress stream ends there. */
export const isSettled = (state: JobState, queued: boolean): boolean => !queued && !inFlight.includes(state)

/** States in which the job still owns its tenant + module (at most one such job each). */
export const isLive = (state: JobState): boolean => state !== "Failed" && state !== "Uninstalled"

/**
 * The lifecycle of one module in one tenant, written by the saga's steps themselves: its state,
 * the operation under way, progress (step k of n and its label), the last error, the plan, and
 * who asked. `queued` marks an operation accepted and waiting for the tenant's turn.
 */
export class InstallationJob extends Schema.Class<InstallationJob>("InstallationJob")({
  id: JobId,
  tenantId: TenantId,
  module: ModuleName,
  /** The version being installed or upgraded to (the installed one once Active). */
  version: Schema.String,
  /** The range asked for. */
  range: Schema.String,
  fromVersion: Schema.OptionFromNullOr(Schema.String),
  operation: Operation,
  state: JobState,
  queued: Schema.Boolean,
  attempt: Schema.Int,
  step: Schema.Int,
  steps: Schema.Int,
  stepLabel: Schema.String,
  error: Schema.OptionFromNullOr(Schema.String),
  requestedBy: Actor,
  idempotencyKey: Schema.OptionFromNullOr(Schema.String),
  plan: Schema.OptionFromNullOr(Plan),
  createdAt: Schema.DateTimeUtc,
  updatedAt: Schema.DateTimeUtc,
  startedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc),
  finishedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc)
}) {}

/** One entry of a job's history, appended with every change of its record. */
export class JobEvent extends Schema.Class<JobEvent>("JobEvent")({
  seq: Schema.Int,
  at: Schema.DateTimeUtc,
  state: JobState,
  step: Schema.Int,
  steps: Schema.Int,
  label: Schema.String,
  detail: Schema.OptionFromNullOr(Schema.String)
}) {}

/** A module installed in a tenant: `active`, or `changing` while an upgrade or uninstall runs. */
export class InstalledModule extends Schema.Class<InstalledModule>("InstalledModule")({
  tenantId: TenantId,
  name: ModuleName,
  version: Schema.String,
  jobId: JobId,
  asDependency: Schema.Boolean,
  status: Schema.Literal("active", "changing"),
  installedAt: Schema.DateTimeUtc
}) {}

/** A job with its history, as the status API and the progress stream show it. */
export class JobView extends Schema.TaggedClass<JobView>()("JobView", {
  job: InstallationJob,
  history: Schema.Array(JobEvent)
}) {}
