import { Context, type Effect } from "effect"
import type { NotificationIntent } from "../../domain/notifications/NotificationIntent.js"

/** Where orchestrators ask for people to be told something. Channels are not theirs to choose. */
export class Notifications extends Context.Tag("baton/notifications/Notifications")<Notifications, {
  /**
   * Emits an intent. It cannot fail and never changes an outcome; like audit intents, it commits
   * with the enclosing transaction and is delivered later, per channel, through the outbox.
   */
  readonly emit: (intent: NotificationIntent) => Effect.Effect<void>
}>() {}
