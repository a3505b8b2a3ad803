import { Context, type Effect } from "effect"
import type { RepositoryError } from "./RepositoryError.js"

/** Units of work. Every multi-write command, with its audit and notification intents, runs in one. */
export class Transactions extends Context.Tag("baton/shared/Transactions")<Transactions, {
  /**
   * Runs `effect` atomically: every write through a repository port, and every intent recorded
   * meanwhile, commits together or not at all. A failure (or defect, or interruption) of
   * `effect` rolls everything back. Nested calls join the enclosing unit of work, and a nested
   * failure undoes only the nested part. Intents of a rolled-back unit are never delivered.
   */
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | RepositoryError, R>
}>() {}
