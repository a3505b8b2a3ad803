import { Context, type Effect, type Option } from "effect"
import type { Reach } from "../../domain/access/Decision.js"
import type { ChainVerdict } from "../../domain/audit/ChainVerification.js"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import type { AuditEntry, AuditFilter, AuditOrder } from "../../domain/audit/AuditQuery.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** A page request to the audit log. */
export interface AuditLogQuery {
  readonly filter: AuditFilter
  /** The tenants whose records may be listed; `Everywhere` also lists records of no tenant. */
  readonly scope: Reach
  /** Continue after this sequence number (in `order`). */
  readonly after: Option.Option<number>
  readonly limit: number
  readonly order: AuditOrder
}

/**
 * The append-only, hash-chained audit log: the sink the outbox dispatcher delivers audit records
 * to, and what auditors read and verify. Record n stores the hash of record n − 1 and its own
 * (`domain/audit/AuditChain.ts`), so any edit, deletion or reordering is detected by `verify`.
 */
export class AuditLog extends Context.Tag("baton/audit/AuditLog")<AuditLog, {
  /**
   * Appends records, in order, at the end of the chain, as one step: all of them or none. A
   * record whose id is already present (or repeated in `records`) is not appended again
   * (at-least-once delivery). Appends are serialised across every process that shares the
   * store, so the chain never forks.
   */
  readonly append: (records: ReadonlyArray<AuditRecord>) => Effect.Effect<void, RepositoryError>
  /** Records matching the filter within the scope, by sequence number in `order`, at most `limit`. */
  readonly query: (query: AuditLogQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, RepositoryError>
  /** Walks the whole chain from the first record: `Intact` with the head, or the first `Broken` link. */
  readonly verify: Effect.Effect<ChainVerdict, RepositoryError>
}>() {}
