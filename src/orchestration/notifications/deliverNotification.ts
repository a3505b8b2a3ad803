import { Effect, Option } from "effect"
import type { NotificationRecord } from "../../domain/notifications/NotificationIntent.js"
import { mutedBecause } from "../../domain/notifications/NotificationPreferences.js"
import { subscribes, WebhookEndpointId } from "../../domain/notifications/WebhookEndpoint.js"
import { endpointEntry, type Route } from "../../domain/outbox/OutboxEntry.js"
import { Outbox } from "../outbox/Outbox.js"
import { fn } from "../shared/Fn.js"
import { NotificationChannels } from "./NotificationChannels.js"
import { NotificationSubscriptions } from "./NotificationSubscriptions.js"

/** The routes of a notification entry. */
export type NotificationRoute = Extract<Route, { readonly _tag: "Channel" | "TenantEndpoints" | "Endpoint" }>

/** What became of a delivery: made, withheld by the recipient's preferences, or dropped (its endpoint is gone). */
export type DeliveryResult = "delivered" | "suppressed" | "dropped"

/** Why the recipient does not want this notification, if it does not (account audiences only; never security). */
const muted = Effect.fnUntraced(function*(record: NotificationRecord) {
  const { audience } = record.intent
  if (audience._tag !== "AccountAudience" || record.intent.category === "security") return Option.none<string>()
  return mutedBecause(yield* (yield* NotificationSubscriptions).preferences(audience.accountId), record.intent)
})

const delivered: DeliveryResult = "delivered"

const settledWithout = (result: Exclude<DeliveryResult, "delivered">, message: string, record: NotificationRecord, deliveryId: string, reason: string) =>
  Effect.logInfo(message).pipe(
    Effect.annotateLogs({ delivery: deliveryId, kind: record.intent.kind, intent: record.id, reason }),
    Effect.as(result)
  )

/**
 * Delivers a notification entry. The `log` channel always writes (it is the operator's record);
 * the `webhook` channel and tenant endpoints reach people, so an account's preferences may
 * withhold them: the delivery is then settled as `suppressed`, with a log line saying why.
 * `tenant-endpoints` fans out: one new outbox entry per endpoint of the tenant subscribed to the
 * kind, each retried and dead-lettered on its own (ids are stable, so a repeated fan-out adds
 * nothing). An endpoint removed before its delivery drops it.
 */
export const deliverNotification = fn("Notifications.deliver")(function*(
  route: NotificationRoute,
  record: NotificationRecord,
  deliveryId: string
) {
  const channels = yield* NotificationChannels
  const subscriptions = yield* NotificationSubscriptions
  const tenant = record.intent.tenantId
  if (route._tag === "TenantEndpoints") {
    const endpoints = tenant === undefined ? [] : yield* subscriptions.endpoints(tenant)
    const subscribed = endpoints.filter((endpoint) => subscribes(endpoint, record.intent.kind))
    yield* (yield* Outbox).append(subscribed.map((endpoint) => endpointEntry(record, endpoint.id)))
    return delivered
  }
  const reason = route._tag === "Channel" && route.channel === "log" ? Option.none() : yield* muted(record)
  if (Option.isSome(reason)) return yield* settledWithout("suppressed", "notification suppressed by its recipient's preferences", record, deliveryId, reason.value)
  if (route._tag === "Channel") return yield* Effect.as(channels.deliver(route.channel, record, deliveryId), delivered)
  const target = tenant === undefined ? Option.none() : yield* subscriptions.signingEndpoint(tenant, WebhookEndpointId.make(route.endpointId))
  if (Option.isNone(target)) return yield* settledWithout("dropped", "webhook endpoint removed: delivery dropped", record, deliveryId, route.endpointId)
  yield* channels.deliverTo({ url: target.value.endpoint.url, secret: target.value.secret }, record, deliveryId)
  return delivered
})
