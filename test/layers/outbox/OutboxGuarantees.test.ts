import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Layer, Option, Redacted } from "effect"
import { AuditIntent } from "../../../src/domain/audit/AuditIntent.js"
import { DeliveryPolicy } from "../../../src/domain/outbox/DeliveryPolicy.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as WebhookSignature from "../../../src/layers/crypto/WebhookSignature.js"
import * as ConfiguredChannels from "../../../src/layers/notify/ConfiguredChannels.js"
import * as OutboxDispatcher from "../../../src/layers/outbox/OutboxDispatcher.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import { AuditTrail } from "../../../src/orchestration/audit/AuditTrail.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import { Transactions } from "../../../src/orchestration/shared/Transactions.js"
import { AuditReader } from "../../support/Adapters.js"
import { sqlite } from "../../support/TestDatabases.js"
import * as WebhookReceiver from "../../support/WebhookReceiver.js"
import * as SqlClient from "@effect/sql/SqlClient"

const secret = "a-webhook-secret-of-at-least-32-characters"
const actor = new SystemActor({ component: "test" })

/** The SQL ports on a fresh SQLite file, the real webhook channel to `url`, and a fast dispatcher. */
const service = (url: string) => {
  const ports = Layer.mergeAll(
    SqlPorts.layer,
    Layer.effect(AuditReader, Effect.map(SqlClient.SqlClient, (sql) => AuditReader.of({
      ids: sql<{ id: string }>`SELECT id FROM baton_audit_log ORDER BY seq`.pipe(Effect.map((rows) => rows.map((r) => r.id)), Effect.orDie)
    })))
  ).pipe(
    Layer.provideMerge(ConfiguredChannels.layer(Option.some({ url: new URL(url), secret: Redacted.make(secret), timeout: "2 seconds" }))),
    Layer.provide(NodeHttpClient.layer),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(sqlite)
  )
  const dispatcher = OutboxDispatcher.layer({
    pollInterval: Duration.millis(50),
    policy: new DeliveryPolicy({ maxAttempts: 20, baseDelay: Duration.millis(40), maxDelay: Duration.millis(200) })
  })
  return Layer.provideMerge(dispatcher, ports)
}

describe("outbox guarantees (SQLite, real webhook channel, running dispatcher)", () => {
  it.scopedLive("(a) a webhook failing attempt after attempt changes no outcome and loses nothing", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.make((n) => (n <= 4 ? 503 : 204))
      yield* Effect.gen(function*() {
        const outcome = yield* setSetting(actor, { key: "platform.displayName", value: "Acme Ops" })
        assert.strictEqual(outcome._tag, "SettingUpdated")
        yield* WebhookReceiver.eventually("a 2xx delivery", () => receiver.received().some((r) => r.answer === 204))
        const received = receiver.received()
        assert.deepStrictEqual(received.map((r) => r.answer), [503, 503, 503, 503, 204])
        assert.strictEqual(new Set(received.map((r) => r.headers["x-baton-delivery"])).size, 1, "one delivery id across retries")
        const last = received[4]!
        assert.isTrue(WebhookSignature.verify(secret, last.body, String(last.headers["x-baton-signature"]), {
          nowSeconds: Math.floor(Date.now() / 1000),
          toleranceSeconds: 300
        }))
        assert.deepInclude(JSON.parse(last.body), { kind: "settings.changed", data: { key: "platform.displayName", previous: null, value: "Acme Ops" } })
        const outbox = yield* Outbox
        yield* WebhookReceiver.eventually("an empty outbox", Effect.map(Effect.orDie(outbox.stats), (s) => s.pending === 0))
        assert.strictEqual((yield* (yield* AuditReader).ids).length, 1)
      }).pipe(Effect.provide(service(receiver.url)))
    }))

  it.scopedLive("(b) a rolled-back transaction delivers nothing", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.make(() => 200)
      yield* Effect.gen(function*() {
        const trail = yield* AuditTrail
        const failed = yield* (yield* Transactions).withTransaction(
          trail.record(new AuditIntent({ action: "doomed", actor, outcome: "Done" })).pipe(Effect.zipRight(Effect.fail("rolled back")))
        ).pipe(Effect.flip)
        assert.strictEqual(failed, "rolled back")
        const rejected = yield* setSetting(actor, { key: "platform.displayName", value: "" })
        assert.strictEqual(rejected._tag, "InvalidSettingValue")
        yield* setSetting(actor, { key: "platform.displayName", value: "After" })
        yield* WebhookReceiver.eventually("the committed change delivered", () => receiver.received().length === 1)
        yield* Effect.sleep("300 millis")
        const bodies = receiver.received().map((r) => JSON.parse(r.body).data.value)
        assert.deepStrictEqual(bodies, ["After"], "only the committed change reaches the webhook")
        const audited = yield* (yield* AuditReader).ids
        assert.strictEqual(audited.length, 2, "the rejected attempt and the committed change are audited; the rolled-back unit is not")
      }).pipe(Effect.provide(service(receiver.url)))
    }))
})
