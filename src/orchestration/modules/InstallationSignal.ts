import { Context, type Duration, type Effect } from "effect"

/** In-process wake-ups of the installation scheduler (another process's jobs are found by polling). */
export class InstallationSignal extends Context.Tag("baton/modules/InstallationSignal")<InstallationSignal, {
  /** A job was queued or a tenant's lock released: the scheduler should look now. */
  readonly wake: Effect.Effect<void>
  /** Waits for a wake-up, or at most `timeout`. */
  readonly waitForWork: (timeout: Duration.DurationInput) => Effect.Effect<void>
}>() {}
