import { type Duration, Effect } from "effect"
import { DispatcherSignal } from "./DispatcherSignal.js"
import { dispatchDue, type DispatchOptions } from "./dispatchDue.js"

/**
 * The dispatcher loop: a round, then — unless the round was full — a wait for a commit's
 * wake-up or the poll interval. A failed round (the database is down) is logged and retried at
 * the next poll; the heartbeat only advances after a successful round. Runs until interrupted.
 */
export const runDispatcher = (options: DispatchOptions & { readonly pollInterval: Duration.DurationInput }) =>
  Effect.gen(function*() {
    const signal = yield* DispatcherSignal
    const round = dispatchDue(options).pipe(
      Effect.tap(() => signal.beat),
      Effect.catchTag("RepositoryError", (error) =>
        Effect.logWarning("outbox dispatch round failed").pipe(Effect.annotateLogs({ error: error.message }), Effect.as(0)))
    )
    return yield* round.pipe(
      Effect.flatMap((claimed) => (claimed >= options.batchSize ? Effect.void : signal.waitForWork(options.pollInterval))),
      Effect.forever
    )
  })
