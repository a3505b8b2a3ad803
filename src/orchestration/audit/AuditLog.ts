import { Context, type Effect } from "effect"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The append-only audit log: the sink the outbox dispatcher delivers audit records to. */
export class AuditLog extends Context.Tag("baton/audit/AuditLog")<AuditLog, {
  /** Appends a record; appending a record whose id is already present does nothing (at-least-once delivery). */
  readonly append: (record: AuditRecord) => Effect.Effect<void, RepositoryError>
}>() {}
