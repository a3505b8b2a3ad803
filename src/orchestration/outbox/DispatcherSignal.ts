import { Context, type Duration, type Effect, type Option } from "effect"

/** In-process coordination of the outbox dispatcher: wake-ups after commits, and its heartbeat. */
export class DispatcherSignal extends Context.Tag("baton/outbox/DispatcherSignal")<DispatcherSignal, {
  /** New entries were committed: the dispatcher should look now rather than at its next poll. */
  readonly wake: Effect.Effect<void>
  /** Waits for a wake-up, or at most `timeout`. */
  readonly waitForWork: (timeout: Duration.DurationInput) => Effect.Effect<void>
  /** Forgets the wake-ups received so far: the round about to start sees their commits. */
  readonly clear: Effect.Effect<void>
  /** The dispatcher completed a round. */
  readonly beat: Effect.Effect<void>
  /** When the dispatcher last completed a round (epoch milliseconds). */
  readonly lastBeat: Effect.Effect<Option.Option<number>>
}>() {}
