import { Context, type Effect } from "effect"
import type { OutboxEntry } from "../../domain/outbox/OutboxEntry.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

export type EntryStatus = "pending" | "dead"

/** An entry as listed for operators. */
export interface ListedEntry {
  readonly entry: OutboxEntry
  readonly status: EntryStatus
  readonly nextAttemptAt: number
  readonly lastError: string | null
}

/** A claim: at most `limit` entries due at `now`, leased until `leaseUntil` (epoch milliseconds). */
export interface ClaimOptions {
  readonly now: number
  readonly leaseUntil: number
  readonly limit: number
}

/** The transactional outbox: intents written with the state change, delivered afterwards. */
export class Outbox extends Context.Tag("baton/outbox/Outbox")<Outbox, {
  /** Adds entries (pending, due now). Inside a transaction they commit or roll back with it. */
  readonly append: (entries: ReadonlyArray<OutboxEntry>) => Effect.Effect<void, RepositoryError>
  /**
   * Claims up to `limit` pending entries due at `now`, oldest first, and leases them until
   * `leaseUntil`: no other dispatcher claims them before then. A dispatcher that dies leaves its
   * claims to expire, and the entries are claimed again (delivery is at least once).
   */
  readonly claimDue: (options: ClaimOptions) => Effect.Effect<ReadonlyArray<OutboxEntry>, RepositoryError>
  /** The entries were delivered: they leave the outbox. */
  readonly markDelivered: (ids: ReadonlyArray<string>) => Effect.Effect<void, RepositoryError>
  /** The attempt failed: record it and make the entry due again at `at`. */
  readonly reschedule: (id: string, attempts: number, at: number, error: string) => Effect.Effect<void, RepositoryError>
  /** The last allowed attempt failed: the entry becomes a dead letter, kept for inspection and replay. */
  readonly deadLetter: (id: string, attempts: number, error: string) => Effect.Effect<void, RepositoryError>
  /** Makes dead letters pending again (all of them, or those given), with a fresh attempt budget. */
  readonly replayDead: (ids: ReadonlyArray<string> | "all", now: number) => Effect.Effect<number, RepositoryError>
  /** Entries of a status, oldest first. */
  readonly list: (status: EntryStatus, limit: number) => Effect.Effect<ReadonlyArray<ListedEntry>, RepositoryError>
  /**
   * Counts, and the creation time (epoch milliseconds) of the oldest pending entry that is not a
   * delivery to a tenant's webhook endpoint: the readiness check reads it as the outbox's lag,
   * and a tenant's unreachable endpoint must not make the whole service unready.
   */
  readonly stats: Effect.Effect<
    { readonly pending: number; readonly dead: number; readonly oldestPendingAt: number | null },
    RepositoryError
  >
}>() {}
