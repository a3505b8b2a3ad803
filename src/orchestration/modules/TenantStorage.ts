import { Context, type Effect } from "effect"
import type { JobId } from "../../domain/modules/InstallationJob.js"
import type { TenantSnapshot } from "../../domain/modules/TenantSnapshot.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/**
 * Each tenant's own storage (a schema per tenant on PostgreSQL, a database file per tenant on
 * SQLite), where its modules' tables live, and the backups the installation saga takes of it.
 */
export class TenantStorage extends Context.Tag("baton/modules/TenantStorage")<TenantStorage, {
  /** The storage as a value: module tables (definition and rows) and the ledger of applied steps. */
  readonly snapshot: (tenantId: TenantId) => Effect.Effect<TenantSnapshot, RepositoryError>
  /** Keeps a copy of the storage for the job's attempt; a copy kept already is left as it is. */
  readonly backup: (tenantId: TenantId, jobId: JobId, attempt: number) => Effect.Effect<void, RepositoryError>
  /**
   * Compares the storage with the copy kept for the job's attempt and, if they differ, replaces the
   * storage with the copy (in one transaction). `true` when it restored; `false` when they were
   * the same or no copy was kept.
   */
  readonly restoreIfChanged: (tenantId: TenantId, jobId: JobId, attempt: number) => Effect.Effect<boolean, RepositoryError>
  /** Drops the copies kept for the job. */
  readonly discardBackups: (jobId: JobId) => Effect.Effect<void, RepositoryError>
}>() {}
