import { Context, type DateTime, type Effect, type Option } from "effect"
import type { InstallationJob, InstalledModule, JobEvent, JobId, JobState } from "../../domain/modules/InstallationJob.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** What a job's record looked like when it was read: a save applies only if it still does. */
export interface Expected {
  readonly state: JobState
  readonly queued: boolean
  readonly attempt: number
}

/**
 * Installation jobs (one lifecycle per tenant and module, with its history), the modules installed
 * in each tenant, and each tenant's installation lock (one running job per tenant). Every method is
 * scoped by the tenant or the job it names.
 */
export class Installations extends Context.Tag("baton/modules/Installations")<Installations, {
  /**
   * Adds a job unless the tenant has a live job (not Failed, not Uninstalled) for the module, or a
   * job with the same idempotency key: then nothing is written and that job is returned. The
   * store enforces both, so concurrent requests get one job.
   */
  readonly create: (job: InstallationJob) => Effect.Effect<{ readonly created: boolean; readonly job: InstallationJob }, RepositoryError>
  readonly find: (id: JobId) => Effect.Effect<Option.Option<InstallationJob>, RepositoryError>
  readonly findByKey: (tenantId: TenantId, key: string) => Effect.Effect<Option.Option<InstallationJob>, RepositoryError>
  /** The tenant's most recent job for the module, live or not. */
  readonly latest: (tenantId: TenantId, module: string) => Effect.Effect<Option.Option<InstallationJob>, RepositoryError>
  /**
   * Writes the job and appends an entry to its history (its state, step and label, with `detail`),
   * if the stored job still is as `expected`; `false` (nothing written) otherwise.
   */
  readonly save: (job: InstallationJob, expected: Expected, detail: Option.Option<string>) => Effect.Effect<boolean, RepositoryError>
  readonly history: (id: JobId) => Effect.Effect<ReadonlyArray<JobEvent>, RepositoryError>
  /** Jobs with an accepted operation waiting to start, longest waiting first. */
  readonly queued: (limit: number) => Effect.Effect<ReadonlyArray<InstallationJob>, RepositoryError>
  /** Jobs in flight and not queued whose record has not changed since `before`. */
  readonly stale: (before: DateTime.Utc, limit: number) => Effect.Effect<ReadonlyArray<InstallationJob>, RepositoryError>
  /** How many jobs are in each state, and how many are queued. */
  readonly counts: Effect.Effect<{ readonly byState: ReadonlyMap<JobState, number>; readonly queued: number }, RepositoryError>
  /** The modules installed in the tenant, by name. */
  readonly installed: (tenantId: TenantId) => Effect.Effect<ReadonlyArray<InstalledModule>, RepositoryError>
  /** Records a module as installed (replacing its previous record). */
  readonly putInstalled: (module: InstalledModule) => Effect.Effect<void, RepositoryError>
  readonly removeInstalled: (tenantId: TenantId, name: string) => Effect.Effect<void, RepositoryError>
  /** Takes the tenant's installation lock for the job; `true` if the job holds it (now or already). */
  readonly lock: (tenantId: TenantId, jobId: JobId, at: DateTime.Utc) => Effect.Effect<boolean, RepositoryError>
  /** Releases the lock if the job holds it. */
  readonly unlock: (tenantId: TenantId, jobId: JobId) => Effect.Effect<void, RepositoryError>
  readonly lockHolder: (tenantId: TenantId) => Effect.Effect<Option.Option<JobId>, RepositoryError>
}>() {}
