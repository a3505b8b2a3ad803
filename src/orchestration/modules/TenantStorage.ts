import { Context, type Effect } from "effect"
import type { JobId } from "../../domain/modules/InstallationJob.js"
import type { TenantSnapshot, Untouched } from "../../domain/modules/TenantSnapshot.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/**
 * Each tenant's own storage (a schema per tenant on PostgreSQL, a database file per tenant on
 * SQLite), where its modules' tables live, and the backups the installation saga takes of it.
 */
export class TenantStorage extends Context.Tag("baton/modules/TenantStorage")<TenantStorage, {
  /** The storage as a value: module tables (definition and rows) and the ledger of applied steps, but for `untouched`. */
  readonly snapshot: (tenantId: TenantId, untouched?: Untouched) => Effect.Effect<TenantSnapshot, RepositoryError>
  /**
   * Keeps a copy of the storage for the job's attempt, leaving out what the job leaves alone (the
   * other installed modules' tables, whose data goes on changing); a copy kept already stays.
   */
  readonly backup: (tenantId: TenantId, jobId: JobId, attempt: number, untouched: Untouched) => Effect.Effect<void, RepositoryError>
  /**
   * Compares the storage with the copy kept for the job's attempt (the part the copy holds) and,
   * if they differ, puts back the tables that differ and the ledger, in one transaction. `true`
   * when it restored; `false` when they were the same or no copy was kept.
   */
  readonly restoreIfChanged: (tenantId: TenantId, jobId: JobId, attempt: number) => Effect.Effect<boolean, RepositoryError>
  /** Drops the copies kept for the job. */
  readonly discardBackups: (jobId: JobId) => Effect.Effect<void, RepositoryError>
}>() {}
