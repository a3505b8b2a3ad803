import { type Duration, Effect } from "effect"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { DispatcherSignal } from "./DispatcherSignal.js"

export interface LoopOptions {
  /** A round that claimed this many entries was full: the next starts at once. */
  readonly batchSize: number
  readonly pollInterval: Duration.DurationInput
}

/**
 * The dispatcher loop around `round` (e.g. `dispatchDue(options)`, which answers how many
 * entries it claimed): a round, then — unless the round was full — a wait for a commit's
 * wake-up or the poll interval. A failed round (the database is down) is logged and retried at
 * the next poll; the heartbeat only advances after a successful round. Runs until interrupted.
 */
export const runDispatcher = <R>(round: Effect.Effect<number, RepositoryError, R>, options: LoopOptions) =>
  Effect.gen(function*() {
    const signal = yield* DispatcherSignal
    const beating = round.pipe(
      Effect.tap(() => signal.beat),
      Effect.catchTag("RepositoryError", (error) =>
        Effect.logWarning("outbox dispatch round failed").pipe(Effect.annotateLogs({ error: error.message }), Effect.as(0)))
    )
    return yield* beating.pipe(
      Effect.flatMap((claimed) => (claimed >= options.batchSize ? Effect.void : signal.waitForWork(options.pollInterval))),
      Effect.forever
    )
  })
