import { Context, type Effect } from "effect"
import type { AuditIntent } from "../../domain/audit/AuditIntent.js"

/** Where orchestrators record what happened. */
export class AuditTrail extends Context.Tag("baton/audit/AuditTrail")<AuditTrail, {
  /**
   * Records an intent. It cannot fail and never changes an outcome. Inside a transaction the
   * intent commits with it (and is dropped by a rollback); outside one it is written at once.
   * Delivery to the append-only audit log happens later, at least once, through the outbox.
   */
  readonly record: (intent: AuditIntent) => Effect.Effect<void>
}>() {}
