import * as SqlClient from "@effect/sql/SqlClient"
import { Clock, Effect, Option } from "effect"
import { AccessGeneration } from "./AccessGeneration.js"

export interface RememberOptions<A> {
  /** Whether a result may be remembered at all (absence of a row whose inserts do not bump the generation may not). */
  readonly keep?: (value: A) => boolean
  /** Whether a remembered result may still be served at `nowMillis` (for columns written without a bump). */
  readonly fresh?: (value: A, nowMillis: number) => boolean
  /** At most this many results are remembered; the oldest go first. */
  readonly capacity?: number
}

/** A read by key, through memory when it may be. */
export interface Remembered<A> {
  <E>(key: string, read: Effect.Effect<A, E>): Effect.Effect<A, E>
}

/**
 * Reads of rows the access generation watches (`AccessGeneration`), served from memory while the
 * committed generation is the one read before the row was: every write that could change the row
 * bumps it, in any process, so a remembered row is never older than the last commit. A generation
 * that moved forgets everything. Reads inside a transaction always go to the database (they must
 * see the transaction's own writes), and so does everything when the database has no generation
 * (PostgreSQL, an in-memory SQLite database): then `remember` returns the read unchanged.
 */
export const remember = <A>(options: RememberOptions<A> = {}) =>
  Effect.map(Effect.serviceOption(AccessGeneration), Option.match({
    onNone: (): Remembered<A> => (_key, read) => read,
    onSome: ({ current }) => {
      const capacity = options.capacity ?? 10_000
      const entries = new Map<string, A>()
      let generation: number | undefined
      const store = (key: string, value: A, readAt: number) => {
        if (generation !== readAt || (options.keep !== undefined && !options.keep(value))) return
        if (entries.size >= capacity) entries.delete(entries.keys().next().value!)
        entries.set(key, value)
      }
      const throughMemory = <E>(key: string, read: Effect.Effect<A, E>) =>
        Effect.flatMap(current, (now) => {
          if (now === undefined) return read
          if (now !== generation) {
            entries.clear()
            generation = now
          }
          const remembered = entries.get(key)
          const served = remembered === undefined || options.fresh === undefined
            ? Effect.succeed(remembered)
            : Effect.map(Clock.currentTimeMillis, (millis) => options.fresh!(remembered, millis) ? remembered : undefined)
          return Effect.flatMap(served, (value) => value !== undefined ? Effect.succeed(value) : Effect.tap(read, (fresh) => store(key, fresh, now)))
        })
      const remembered: Remembered<A> = (key, read) =>
        Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), (transaction) =>
          Option.isSome(transaction) ? read : throughMemory(key, read))
      return remembered
    }
  }))
