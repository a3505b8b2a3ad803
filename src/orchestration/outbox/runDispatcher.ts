import { type Duration, Effect } from "effect"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { DispatcherSignal } from "./DispatcherSignal.js"

export interface LoopOptions {
  /** A round that claimed this many entries was full: the next starts at once. */
  readonly batchSize: number
  readonly pollInterval: Duration.DurationInput
  /**
   * How long a round waits once it is due (woken by a commit, or at the poll), so that commits
   * close together are delivered together: a round's cost is mostly its own, not its entries'.
   */
  readonly gather?: Duration.DurationInput
}

/**
 * The dispatcher loop around `round` (e.g. `dispatchDue(options)`, which answers how many
 * entries it claimed): a round, then — unless the round was full — a wait for a commit's
 * wake-up or the poll interval, then the `gather` time. A failed round (the database is down)
 * is logged and retried at the next poll; the heartbeat only advances after a successful round.
 * Runs until interrupted.
 */
export const runDispatcher = <R>(round: Effect.Effect<number, RepositoryError, R>, options: LoopOptions) =>
  Effect.gen(function*() {
    const signal = yield* DispatcherSignal
    // wake-ups during the gather time are for commits the next round sees: they need no round of their own
    const gather = options.gather === undefined ? Effect.void : Effect.zipRight(Effect.sleep(options.gather), signal.clear)
    const beating = round.pipe(
      Effect.tap(() => signal.beat),
      Effect.catchTag("RepositoryError", (error) =>
        Effect.logWarning("outbox dispatch round failed").pipe(Effect.annotateLogs({ error: error.message }), Effect.as(0)))
    )
    return yield* beating.pipe(
      Effect.flatMap((claimed) => (claimed >= options.batchSize ? Effect.void : Effect.zipRight(signal.waitForWork(options.pollInterval), gather))),
      Effect.forever
    )
  })
