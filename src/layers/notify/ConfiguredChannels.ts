import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Clock, Config, type ConfigError, Duration, Effect, Layer, Option, Redacted } from "effect"
import type { Channel } from "../../domain/notifications/Channels.js"
import { type NotificationRecord, SECRET_DATA_KEYS } from "../../domain/notifications/NotificationIntent.js"
import { DeliveryError } from "../../orchestration/notifications/DeliveryError.js"
import { NotificationChannels } from "../../orchestration/notifications/NotificationChannels.js"
import * as BatonConfig from "../config/BatonConfig.js"
import * as WebhookSignature from "../crypto/WebhookSignature.js"
import { eventOf } from "./NotificationEvent.js"
import { publicOnlyLookup, refusedLiteral } from "./PublicAddresses.js"

export interface WebhookOptions {
  readonly url: URL
  readonly secret: Redacted.Redacted
  readonly timeout?: Duration.DurationInput
}

export interface EndpointOptions {
  /**
   * Whether tenants' endpoints may be on loopback, private or link-local addresses (local
   * development; a private network whose every host trusts every tenant). Off: such an endpoint
   * is refused at delivery, whether written as an address or as a name that resolves to one.
   */
  readonly privateAddresses: boolean
}

/** Secrets a notification carries for its recipient (a dropship's callback token) never reach the log. */
const withoutSecrets = (data: object) => JSON.stringify(data, (key, value: unknown) => (SECRET_DATA_KEYS.has(key) ? "[redacted]" : value))

/** The log channel: one structured line per notification, on the operator's log (secrets redacted). */
const logChannel = (record: NotificationRecord, deliveryId: string) => {
  const { audience, data, ...event } = eventOf(record, deliveryId)
  return Effect.logInfo("notification").pipe(
    Effect.annotateLogs({
      ...event,
      audience: audience._tag === "AccountAudience"
        ? `account:${audience.accountId}`
        : audience._tag === "CustomerAudience"
        ? `customer:${audience.customerId}`
        : audience._tag === "VendorAudience"
        ? `vendor:${audience.vendorId}`
        : "operations",
      data: withoutSecrets(data)
    })
  )
}

/**
 * The webhook channel (and a tenant's endpoint, with the endpoint's own secret): POSTs the event as JSON with `X-Baton-Signature` (HMAC-SHA256),
 * `X-Baton-Delivery` (stable across retries) and `X-Baton-Event`. Anything but a 2xx answer
 * within the timeout is a `DeliveryError`, retried by the dispatcher.
 */
const webhookChannel = (client: HttpClient.HttpClient, options: WebhookOptions, channel = "webhook") =>
(record: NotificationRecord, deliveryId: string) =>
  Effect.gen(function*() {
    const body = JSON.stringify(eventOf(record, deliveryId))
    const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    const request = HttpClientRequest.post(options.url).pipe(
      HttpClientRequest.setHeaders({
        [WebhookSignature.header]: WebhookSignature.sign(Redacted.value(options.secret), body, now),
        "X-Baton-Delivery": deliveryId,
        "X-Baton-Event": record.intent.kind
      }),
      HttpClientRequest.bodyText(body, "application/json")
    )
    const response = yield* client.execute(request).pipe(
      Effect.scoped,
      Effect.timeout(options.timeout ?? Duration.seconds(10))
    )
    if (response.status < 200 || response.status >= 300) {
      return yield* new DeliveryError({ channel, reason: `answered ${response.status}` })
    }
  }).pipe(
    Effect.catchTags({
      RequestError: (error) =>
        new DeliveryError({ channel, reason: error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message }),
      ResponseError: (error) => new DeliveryError({ channel, reason: error.message }),
      TimeoutException: () => new DeliveryError({ channel, reason: "timed out" })
    })
  )

/**
 * The log and webhook channels, and delivery to tenants' endpoints. The operator's webhook goes
 * through the given client; tenants' endpoints, unless `privateAddresses`, through a client of
 * their own whose every connection is checked to reach a public address (`PublicAddresses`).
 */
export const make = (webhook: Option.Option<WebhookOptions>, endpoints: EndpointOptions = { privateAddresses: false }) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const endpointClient = endpoints.privateAddresses
      ? client
      : yield* NodeHttpClient.make.pipe(Effect.provideService(NodeHttpClient.HttpAgent, yield* NodeHttpClient.makeAgent({ lookup: publicOnlyLookup })))
    const webhookDeliver = Option.map(webhook, (options) => webhookChannel(client, options))
    const configured: ReadonlyArray<Channel> = Option.isSome(webhookDeliver) ? ["log", "webhook"] : ["log"]
    return NotificationChannels.of({
      configured,
      deliver: (channel, record, deliveryId) =>
        channel === "log"
          ? logChannel(record, deliveryId)
          : Option.match(webhookDeliver, {
            onNone: () => new DeliveryError({ channel, reason: "the webhook channel is not configured" }),
            onSome: (deliver) => deliver(record, deliveryId)
          }),
      deliverTo: (target, record, deliveryId) =>
        Effect.suspend(() => {
          if (!URL.canParse(target.url)) return new DeliveryError({ channel: "endpoint", reason: "not a URL" })
          const url = new URL(target.url)
          const refused = endpoints.privateAddresses ? undefined : refusedLiteral(url.hostname)
          return refused !== undefined
            ? new DeliveryError({ channel: "endpoint", reason: `refused: ${refused}` })
            : webhookChannel(endpointClient, { url, secret: target.secret }, "endpoint")(record, deliveryId)
        })
    })
  })

/** The channels of `options` (the log always; the webhook when given). */
export const layer = (
  webhook: Option.Option<WebhookOptions>,
  endpoints?: EndpointOptions
): Layer.Layer<NotificationChannels, never, HttpClient.HttpClient> => Layer.scoped(NotificationChannels, make(webhook, endpoints))

/** The channels from configuration (`BATON_WEBHOOK_URL`, `BATON_WEBHOOK_SECRET`, `BATON_WEBHOOK_PRIVATE_ADDRESSES`). */
export const layerConfig: Layer.Layer<NotificationChannels, ConfigError.ConfigError, HttpClient.HttpClient> = Layer.unwrapEffect(
  Effect.map(Config.all([BatonConfig.webhook, BatonConfig.webhookPrivateAddresses]), ([webhook, privateAddresses]) =>
    layer(webhook, { privateAddresses }))
)

