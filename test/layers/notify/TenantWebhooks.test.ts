import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Effect, Layer, Option, Redacted } from "effect"
import { NotificationIntent, NotificationRecord, OperationsAudience } from "../../../src/domain/notifications/NotificationIntent.js"
import { DeliveryPolicy } from "../../../src/domain/outbox/DeliveryPolicy.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { IntentId, TenantId } from "../../../src/domain/shared/Ids.js"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as WebhookSignature from "../../../src/layers/crypto/WebhookSignature.js"
import * as ConfiguredChannels from "../../../src/layers/notify/ConfiguredChannels.js"
import * as OutboxDispatcher from "../../../src/layers/outbox/OutboxDispatcher.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import { addWebhookEndpoint } from "../../../src/orchestration/notifications/manageWebhookEndpoints.js"
import { NotificationChannels } from "../../../src/orchestration/notifications/NotificationChannels.js"
import { Notifications } from "../../../src/orchestration/notifications/Notifications.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import { createTenant } from "../../support/Access.js"
import { sqlite } from "../../support/TestDatabases.js"
import * as WebhookReceiver from "../../support/WebhookReceiver.js"

const system = new SystemActor({ component: "test" })
const acme = TenantId.make("acme")

/**
 * The SQL ports on a fresh SQLite file, the real channels (no platform webhook; endpoints on
 * loopback allowed, for the local receiver) and a fast dispatcher.
 */
const service = SqlPorts.layer.pipe(
  Layer.provideMerge(ConfiguredChannels.layer(Option.none(), { privateAddresses: true })),
  Layer.provide(NodeHttpClient.layer),
  Layer.provide(CryptoKit.layerEphemeral()),
  Layer.provideMerge(sqlite),
  (ports) =>
    Layer.provideMerge(
      OutboxDispatcher.layer({
        pollInterval: Duration.millis(50),
        policy: new DeliveryPolicy({ maxAttempts: 10, baseDelay: Duration.millis(40), maxDelay: Duration.millis(200) })
      }),
      ports
    )
)

describe("a tenant's webhook endpoint (SQLite, real HTTP, running dispatcher)", () => {
  it.scopedLive("receives the tenant's notifications of its kinds, signed with its own secret, retried until it answers 2xx", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.make((n) => (n <= 2 ? 503 : 204))
      yield* Effect.gen(function*() {
        yield* createTenant("acme")
        const created = yield* addWebhookEndpoint(system, acme, { url: receiver.url, kinds: ["settings"] })
        assert.strictEqual(created._tag, "WebhookEndpointCreated")
        if (created._tag !== "WebhookEndpointCreated") return
        const secret = Redacted.value(created.secret)
        yield* (yield* Notifications).emit(
          new NotificationIntent({ kind: "members.added", category: "info", audience: new OperationsAudience(), tenantId: acme, data: {} })
        )
        const set = yield* setSetting(system, { key: "tenants.registration.enabled", value: false, tenantId: acme })
        assert.strictEqual(set._tag, "SettingUpdated")
        yield* WebhookReceiver.eventually("a 2xx delivery", () => receiver.received().some((r) => r.answer === 204))
        yield* Effect.sleep("300 millis")
        const received = receiver.received()
        assert.deepStrictEqual(received.map((r) => r.answer), [503, 503, 204], "only the subscribed kind, retried")
        const deliveryIds = new Set(received.map((r) => String(r.headers["x-baton-delivery"])))
        assert.strictEqual(deliveryIds.size, 1, "one delivery id across retries")
        assert.match([...deliveryIds][0]!, new RegExp(`:endpoint:${created.endpoint.id}$`))
        const last = received[2]!
        const verify = (key: string) =>
          WebhookSignature.verify(key, last.body, String(last.headers["x-baton-signature"]), { nowSeconds: Math.floor(Date.now() / 1000), toleranceSeconds: 300 })
        assert.isTrue(verify(secret), "signed with the endpoint's secret")
        assert.isFalse(verify("whsec_some-other-secret"))
        assert.deepInclude(JSON.parse(last.body), { kind: "settings.changed", tenantId: "acme", data: { key: "tenants.registration.enabled", previous: null, value: false } })
      }).pipe(Effect.provide(service))
    }), 30_000)

  it.scopedLive("by default, refuses endpoints on loopback, private or link-local addresses, written as addresses or as names", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.make(() => 204)
      const port = new URL(receiver.url).port
      const channels = yield* NotificationChannels
      const record = new NotificationRecord({
        id: IntentId.make("intent-1"),
        occurredAt: DateTime.unsafeMake(0),
        intent: new NotificationIntent({ kind: "members.added", category: "info", audience: new OperationsAudience(), tenantId: acme, data: {} })
      })
      const reasonFor = (url: string) =>
        channels.deliverTo({ url, secret: Redacted.make("whsec_0123456789abcdef0123456789abcdef") }, record, "delivery-1").pipe(
          Effect.flip,
          Effect.map((error) => error.reason)
        )
      assert.strictEqual(yield* reasonFor(receiver.url), "refused: 127.0.0.1 is not a public address")
      assert.strictEqual(yield* reasonFor("https://169.254.169.254/latest/meta-data"), "refused: 169.254.169.254 is not a public address")
      assert.strictEqual(yield* reasonFor(`http://[::ffff:127.0.0.1]:${port}/hooks`), "refused: ::ffff:7f00:1 is not a public address")
      assert.match(yield* reasonFor(`http://localhost:${port}/hooks`), /localhost resolves to (127\.0\.0\.1|::1), which is not a public address/)
      assert.deepStrictEqual(receiver.received(), [], "nothing reached the private receiver")
    }).pipe(Effect.provide(ConfiguredChannels.layer(Option.none()).pipe(Layer.provide(NodeHttpClient.layer)))))
})
