import { Context, Effect, Layer, Ref } from "effect"
import type { Channel } from "../../domain/notifications/Channels.js"
import type { NotificationRecord } from "../../domain/notifications/NotificationIntent.js"
import { DeliveryError } from "../../orchestration/notifications/DeliveryError.js"
import { NotificationChannels } from "../../orchestration/notifications/NotificationChannels.js"

export interface Delivered {
  /** The channel, or `endpoint` for a tenant's webhook endpoint (then `url` names it). */
  readonly channel: Channel | "endpoint"
  readonly deliveryId: string
  readonly record: NotificationRecord
  readonly url?: string
}

/** Test control of the recording channels: what was delivered, and whether a channel is down. */
export class ChannelRecorder extends Context.Tag("baton/layers/memory/ChannelRecorder")<ChannelRecorder, {
  readonly delivered: Effect.Effect<ReadonlyArray<Delivered>>
  /** Every delivery to `channel` (or to any endpoint) fails until set back to `false`. */
  readonly setDown: (channel: Channel | "endpoint", down: boolean) => Effect.Effect<void>
  readonly attempts: Effect.Effect<number>
}>() {}

/** Notification channels that record deliveries in memory; each channel can be made to fail. */
export const layer = (configured: ReadonlyArray<Channel> = ["log", "webhook"]) =>
  Layer.effectContext(
    Effect.gen(function*() {
      const delivered = yield* Ref.make<ReadonlyArray<Delivered>>([])
      const down = yield* Ref.make<ReadonlySet<Channel | "endpoint">>(new Set())
      const attempts = yield* Ref.make(0)
      const record = (delivery: Delivered) =>
        Ref.update(attempts, (n) => n + 1).pipe(
          Effect.zipRight(Ref.get(down)),
          Effect.flatMap((set) =>
            set.has(delivery.channel)
              ? Effect.fail(new DeliveryError({ channel: delivery.channel, reason: "channel is down" }))
              : Ref.update(delivered, (all) => [...all, delivery])
          )
        )
      const channels = NotificationChannels.of({
        configured,
        deliver: (channel, notification, deliveryId) => record({ channel, deliveryId, record: notification }),
        deliverTo: (target, notification, deliveryId) => record({ channel: "endpoint", deliveryId, record: notification, url: target.url })
      })
      const recorder = ChannelRecorder.of({
        delivered: Ref.get(delivered),
        setDown: (channel, isDown) =>
          Ref.update(down, (set) => {
            const next = new Set(set)
            if (isDown) next.add(channel)
            else next.delete(channel)
            return next
          }),
        attempts: Ref.get(attempts)
      })
      return Context.make(NotificationChannels, channels).pipe(Context.add(ChannelRecorder, recorder))
    })
  )
