import { Context, type Effect, type Redacted } from "effect"
import type { Channel } from "../../domain/notifications/Channels.js"
import type { NotificationRecord } from "../../domain/notifications/NotificationIntent.js"
import type { DeliveryError } from "./DeliveryError.js"

/** A webhook receiver named at delivery time (a tenant's endpoint), with the secret to sign for it. */
export interface WebhookTarget {
  readonly url: string
  readonly secret: Redacted.Redacted<string>
}

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
  /** Delivers one record to a webhook target, signed with its secret, like the `webhook` channel. */
  readonly deliverTo: (
    target: WebhookTarget,
    record: NotificationRecord,
    deliveryId: string
  ) => Effect.Effect<void, DeliveryError>
}>() {}
