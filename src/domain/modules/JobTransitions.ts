import { type DateTime, Either, Option, Schema } from "effect"
import { InstallationJob, isSettled, JobState, type Operation } from "./InstallationJob.js"

/**
 * What happens to a job: `begin` (the saga picks a new installation up), `retry`, `upgrade` and
 * `uninstall` (accepted requests on an existing job), `validated`, `rejected` (validation refused
 * it), `completed` (the last step committed), `stepFailed` (a step failed for good: compensation
 * starts), `rolledBack` (every undo ran), `undoFailed`, and `resolved` (an operator settled a
 * manual intervention).
 */
export type JobEventKind =
  | "begin"
  | "retry"
  | "upgrade"
  | "uninstall"
  | "validated"
  | "rejected"
  | "completed"
  | "stepFailed"
  | "rolledBack"
  | "undoFailed"
  | "resolved"

/** The job cannot take that event in its state. */
export class InvalidTransition extends Schema.TaggedClass<InvalidTransition>()("InvalidTransition", {
  from: JobState,
  event: Schema.String
}) {}

/** Where an upgrade or an uninstall that did not happen leaves the module: as it was, Active. */
const settledBack = (operation: Operation): JobState => (operation === "install" ? "Failed" : "Active")

/**
 * The state machine. As the issue states it: Pending → Validating → Installing → Active;
 * Validating → Failed; Installing → RollingBack → Failed | ManualIntervention; Failed → Installing
 * (manual retry); Active → Uninstalling → Uninstalled; Active → Upgrading → Active. Where the issue
 * is silent: a failing upgrade or uninstall rolls back too (Upgrading | Uninstalling → RollingBack)
 * and ends where it started (RollingBack → Active); an operator resolves ManualIntervention to
 * Failed (install) or Active (upgrade, uninstall), once the tenant's storage is as before.
 */
export const transition = (
  state: JobState,
  operation: Operation,
  event: JobEventKind
): Either.Either<JobState, InvalidTransition> => {
  const to = ((): JobState | undefined => {
    switch (event) {
      case "begin":
        return state === "Pending" ? "Validating" : undefined
      case "retry":
        return state === "Failed" && operation === "install" ? "Installing" : undefined
      case "upgrade":
        return state === "Active" ? "Upgrading" : undefined
      case "uninstall":
        return state === "Active" ? "Uninstalling" : undefined
      case "validated":
        return state === "Validating" ? "Installing" : undefined
      case "rejected":
        return state === "Validating" ? "Failed" : undefined
      case "completed":
        return state === "Installing" || state === "Upgrading" ? "Active" : state === "Uninstalling" ? "Uninstalled" : undefined
      case "stepFailed":
        return state === "Installing" || state === "Upgrading" || state === "Uninstalling" ? "RollingBack" : undefined
      case "rolledBack":
        return state === "RollingBack" ? settledBack(operation) : undefined
      case "undoFailed":
        return state === "RollingBack" ? "ManualIntervention" : undefined
      case "resolved":
        return state === "ManualIntervention" ? settledBack(operation) : undefined
    }
  })()
  return to === undefined ? Either.left(new InvalidTransition({ from: state, event })) : Either.right(to)
}

/** The state the saga runs its steps in, for an operation. */
export const runningState = (operation: Operation): JobState =>
  operation === "install" ? "Installing" : operation === "upgrade" ? "Upgrading" : "Uninstalling"

/** What a save expects the stored job to still be (see the `Installations` port). */
export const expectedOf = (job: InstallationJob) => ({ state: job.state, queued: job.queued, attempt: job.attempt })

/**
 * The job after an event at `now`, with other fields changed too; refused when the state machine
 * refuses the event. Settling stamps `finishedAt`; an upgrade rolled back is at its previous version.
 */
export const moved = (
  job: InstallationJob,
  event: JobEventKind,
  now: DateTime.Utc,
  changes: Partial<Omit<InstallationJob, "state" | "updatedAt">> = {}
): Either.Either<InstallationJob, InvalidTransition> =>
  Either.map(transition(job.state, changes.operation ?? job.operation, event), (state) =>
    new InstallationJob({
      ...job,
      ...changes,
      state,
      updatedAt: now,
      ...(isSettled(state, false) ? { finishedAt: Option.some(now) } : {}),
      ...(state === "Active" && (event === "rolledBack" || event === "resolved") ? { version: Option.getOrElse(job.fromVersion, () => job.version) } : {})
    }))

/** The job with its progress at step `step` (and the label shown), in the same state. */
export const progressed = (job: InstallationJob, step: number, label: string, now: DateTime.Utc): InstallationJob =>
  new InstallationJob({ ...job, step, stepLabel: label, updatedAt: now })

/** The saga states in which steps run. */
export const isRunning = (state: JobState): boolean => state === "Installing" || state === "Upgrading" || state === "Uninstalling"

/** A new installation job, Pending and queued, for the version a plan resolved. */
export const pendingJob = (fields: {
  readonly id: InstallationJob["id"]
  readonly tenantId: InstallationJob["tenantId"]
  readonly module: InstallationJob["module"]
  readonly version: string
  readonly range: string
  readonly steps: number
  readonly requestedBy: InstallationJob["requestedBy"]
  readonly idempotencyKey: Option.Option<string>
  readonly now: DateTime.Utc
}): InstallationJob =>
  new InstallationJob({
    ...fields,
    fromVersion: Option.none(),
    operation: "install",
    state: "Pending",
    queued: true,
    attempt: 1,
    step: 0,
    stepLabel: "queued",
    error: Option.none(),
    plan: Option.none(),
    createdAt: fields.now,
    updatedAt: fields.now,
    startedAt: Option.none(),
    finishedAt: Option.none()
  })
