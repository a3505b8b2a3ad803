import { Context, type Effect } from "effect"
import type { Channel } from "../../domain/notifications/Channels.js"
import type { NotificationRecord } from "../../domain/notifications/NotificationIntent.js"
import type { DeliveryError } from "./DeliveryError.js"

/** The configured notification channels, as the outbox dispatcher uses them. */
export class NotificationChannels extends Context.Tag("baton/notifications/NotificationChannels")<NotificationChannels, {
  /** The channels this deployment has configured (`log` always). */
  readonly configured: ReadonlyArray<Channel>
  /**
   * Delivers one record to one channel. `deliveryId` is stable across retries of the same
   * delivery, so a receiver can discard duplicates.
   */
  readonly deliver: (
    channel: Channel,
    record: NotificationRecord,
    deliveryId: string
  ) => Effect.Effect<void, DeliveryError>
}>() {}
