import * as SqlClient from "@effect/sql/SqlClient"
import { Clock, Context, Effect, Option } from "effect"
import * as DefaultServices from "effect/DefaultServices"
import type * as Fiber from "effect/Fiber"
import { constUndefined } from "effect/Function"
import { AccessGeneration, currentFor } from "./AccessGeneration.js"

export interface RememberOptions<A> {
  /** Whether a result may be remembered at all (absence of a row whose inserts do not bump the generation may not). */
  readonly keep?: (value: A) => boolean
  /** Whether a remembered result may still be served at `nowMillis` (for columns written without a bump). */
  readonly fresh?: (value: A, nowMillis: number) => boolean
  /** At most this many results are remembered; the oldest go first. */
  readonly capacity?: number
}

/**
 * A read by key, through memory when it may be. The read is built only when it runs: a result
 * served from memory builds no statement.
 */
export interface Remembered<A> {
  <E>(key: string, read: () => Effect.Effect<A, E>): Effect.Effect<A, E>
  /**
   * What `fiber` would be served from memory for `key` now, if anything: for a caller already
   * running in `Effect.withFiberRuntime`, which then answers a hit without a step of its own.
   */
  readonly peek: (fiber: Fiber.RuntimeFiber<unknown, unknown>, key: string) => A | undefined
}

/**
 * Reads of rows the access generation watches (`AccessGeneration`), served from memory while the
 * committed generation is the one read before the row was: every write that could change the row
 * bumps it, in any process, so a remembered row is never older than the last commit. A generation
 * that moved forgets everything. Reads inside a transaction always go to the database (they must
 * see the transaction's own writes), and so does everything when the database has no generation
 * (PostgreSQL, an in-memory SQLite database): then `remember` returns the read unchanged.
 *
 * A read served from memory is one step of the fiber (it runs on every authenticated request,
 * several times): the transaction, the generation and the clock are looked up synchronously.
 */
export const remember = <A>(options: RememberOptions<A> = {}) =>
  Effect.map(Effect.serviceOption(AccessGeneration), Option.match({
    onNone: (): Remembered<A> => Object.assign(<E>(_key: string, read: () => Effect.Effect<A, E>) => Effect.suspend(read), { peek: constUndefined }),
    onSome: (generation) => {
      const capacity = options.capacity ?? 10_000
      const entries = new Map<string, A>()
      let remembering: number | undefined
      const store = (key: string, value: A, readAt: number) => {
        if (remembering !== readAt || (options.keep !== undefined && !options.keep(value))) return
        if (entries.size >= capacity) entries.delete(entries.keys().next().value!)
        entries.set(key, value)
      }
      /** The generation `fiber` reads at (forgetting everything when it moved), or `undefined` when it must read the database. */
      const generationFor = (fiber: Fiber.RuntimeFiber<unknown, unknown>) => {
        if (Option.isSome(Context.getOption(fiber.currentContext, SqlClient.TransactionConnection))) return undefined
        const now = currentFor(fiber, generation)
        if (now !== undefined && now !== remembering) {
          entries.clear()
          remembering = now
        }
        return now
      }
      const served = (fiber: Fiber.RuntimeFiber<unknown, unknown>, key: string) => {
        const value = entries.get(key)
        return value !== undefined && (options.fresh === undefined ||
            options.fresh(value, Context.get(fiber.getFiberRef(DefaultServices.currentServices), Clock.Clock).unsafeCurrentTimeMillis()))
          ? value
          : undefined
      }
      const remembered: Remembered<A> = Object.assign(
        <E>(key: string, read: () => Effect.Effect<A, E>) =>
          Effect.withFiberRuntime<A, E>((fiber) => {
            const now = generationFor(fiber)
            if (now === undefined) return read()
            const value = served(fiber, key)
            return value !== undefined ? Effect.succeed(value) : Effect.tap(read(), (fresh) => store(key, fresh, now))
          }),
        { peek: (fiber: Fiber.RuntimeFiber<unknown, unknown>, key: string) => generationFor(fiber) === undefined ? undefined : served(fiber, key) }
      )
      return remembered
    }
  }))
