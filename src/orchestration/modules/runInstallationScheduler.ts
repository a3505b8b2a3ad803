import { Clock, Duration, Effect, Ref } from "effect"
import { InstallationSignal } from "./InstallationSignal.js"
import { reconcileStale } from "./reconcileStale.js"
import { startQueued } from "./startQueued.js"

export interface SchedulerOptions {
  /** How often queued jobs are looked for (wake-ups in this process come sooner). */
  readonly pollInterval: Duration.Duration
  /** A running job whose record has not moved for this long is reconciled. */
  readonly staleAfter: Duration.Duration
  readonly batch: number
}

/**
 * The installation scheduler. On start, every job left in flight (by a process that stopped or
 * crashed) is reconciled at once; then in a loop: start queued jobs in their tenant's turn,
 * reconcile stuck ones (at most every quarter of `staleAfter`), wait for a wake-up or the poll
 * interval. A failed round is logged and tried again at the next poll. Runs until interrupted.
 */
export const runInstallationScheduler = (options: SchedulerOptions) =>
  Effect.gen(function*() {
    const signal = yield* InstallationSignal
    const lastReconciled = yield* Ref.make(0)
    const every = Duration.toMillis(options.staleAfter) / 4
    const reconcile = Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      if (now - (yield* Ref.get(lastReconciled)) < every) return
      yield* Ref.set(lastReconciled, now)
      yield* reconcileStale(options.staleAfter, options.batch)
    })
    yield* reconcileStale(Duration.zero, options.batch).pipe(
      Effect.catchAllCause((cause) => Effect.logWarning("installation scheduler: the start-up sweep failed", cause))
    )
    const round = startQueued(options.batch).pipe(
      Effect.zipRight(reconcile),
      Effect.catchAllCause((cause) => Effect.logWarning("installation scheduler round failed", cause))
    )
    return yield* round.pipe(Effect.zipRight(signal.waitForWork(options.pollInterval)), Effect.forever)
  })
