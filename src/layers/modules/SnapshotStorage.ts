import { Effect, Option } from "effect"
import type { JobId } from "../../domain/modules/InstallationJob.js"
import { sameStorage, type TenantSnapshot, type Untouched } from "../../domain/modules/TenantSnapshot.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { TenantStorage } from "../../orchestration/modules/TenantStorage.js"
import { TenantDatabases } from "./TenantDatabases.js"
import * as TenantSnapshots from "./TenantSnapshots.js"

/** Where the copies of tenants' storage are kept (the platform's database, or memory). */
export interface BackupStore {
  /** Keeps the copy unless one is kept for the job's attempt already. */
  readonly keep: (tenantId: TenantId, jobId: JobId, attempt: number, snapshot: TenantSnapshot) => Effect.Effect<void, RepositoryError>
  readonly find: (jobId: JobId, attempt: number) => Effect.Effect<Option.Option<TenantSnapshot>, RepositoryError>
  readonly discard: (jobId: JobId) => Effect.Effect<void, RepositoryError>
}

const failed = (operation: string) => (cause: unknown) => new RepositoryError({ operation, cause })

/** `TenantStorage` over the tenants' own databases, with backups kept in `store`. */
export const make = (store: BackupStore) =>
  Effect.map(TenantDatabases, (tenants) => {
    const snapshot = (tenantId: TenantId, untouched?: Untouched) =>
      tenants.read(tenantId, (db) => TenantSnapshots.take(db, untouched)).pipe(Effect.mapError(failed("TenantStorage.snapshot")))
    return TenantStorage.of({
      snapshot,
      backup: (tenantId, jobId, attempt, untouched) =>
        Effect.flatMap(store.find(jobId, attempt), (kept) =>
          Option.isSome(kept) ? Effect.void : Effect.flatMap(snapshot(tenantId, untouched), (taken) => store.keep(tenantId, jobId, attempt, taken))),
      restoreIfChanged: (tenantId, jobId, attempt) =>
        Effect.gen(function*() {
          const kept = yield* store.find(jobId, attempt)
          if (Option.isNone(kept)) return false
          if (sameStorage(yield* snapshot(tenantId, kept.value.untouched), kept.value)) return false
          yield* tenants.transaction(tenantId, (db) => TenantSnapshots.restore(db, kept.value)).pipe(
            Effect.mapError(failed("TenantStorage.restoreIfChanged"))
          )
          return true
        }),
      discardBackups: store.discard
    })
  })
