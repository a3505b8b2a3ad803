import { Context, type Effect } from "effect"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import type { Listener } from "../../domain/audit/Listeners.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The listeners the outbox dispatcher hands committed audit records to (`domain/audit/Listeners.ts` routes them). */
export class AuditListeners extends Context.Tag("baton/audit/AuditListeners")<AuditListeners, {
  /**
   * Runs one listener on one record. A failure is retried by the dispatcher with backoff and
   * dead-lettered after the last attempt; it never touches the outcome that produced the record.
   * A listener may run more than once for a record (at-least-once delivery).
   */
  readonly react: (listener: Listener, record: AuditRecord) => Effect.Effect<void, RepositoryError>
}>() {}
