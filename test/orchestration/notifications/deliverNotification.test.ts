import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Metric, MetricState, Option, TestClock } from "effect"
import { AccountAudience, NotificationIntent, OperationsAudience } from "../../../src/domain/notifications/NotificationIntent.js"
import { NotificationPreferences } from "../../../src/domain/notifications/NotificationPreferences.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { AccountId, TenantId } from "../../../src/domain/shared/Ids.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { ChannelRecorder } from "../../../src/layers/memory/RecordingNotificationChannels.js"
import { addWebhookEndpoint, removeWebhookEndpoint } from "../../../src/orchestration/notifications/manageWebhookEndpoints.js"
import { Notifications } from "../../../src/orchestration/notifications/Notifications.js"
import { NotificationSubscriptions } from "../../../src/orchestration/notifications/NotificationSubscriptions.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import * as OutboxMetrics from "../../../src/orchestration/outbox/OutboxMetrics.js"
import { Transactions } from "../../../src/orchestration/shared/Transactions.js"
import { createTenant } from "../../support/Access.js"
import { deliverAll } from "../../support/Deliveries.js"

const ada = AccountId.make("ada")
const system = new SystemActor({ component: "test" })
const notice = (kind: string, category: NotificationIntent["category"], options: { readonly tenant?: string; readonly account?: AccountId } = {}) =>
  new NotificationIntent({
    kind,
    category,
    audience: options.account === undefined ? new OperationsAudience() : new AccountAudience({ accountId: options.account }),
    ...(options.tenant === undefined ? {} : { tenantId: TenantId.make(options.tenant) }),
    data: {}
  })
const emit = (...intents: ReadonlyArray<NotificationIntent>) =>
  Effect.flatMap(Effect.all([Transactions, Notifications]), ([transactions, notifications]) =>
    transactions.withTransaction(Effect.forEach(intents, notifications.emit, { discard: true })))
const deliveries = Effect.flatMap(ChannelRecorder, (recorder) => recorder.delivered)
const suppressed = Metric.value(
  Metric.tagged(Metric.tagged(OutboxMetrics.deliveries, "destination", "webhook"), "result", "suppressed")
).pipe(Effect.map((state) => (MetricState.isCounterState(state) ? Number(state.count) : 0)))

const endpoint = (tenant: string, url: string, kinds: ReadonlyArray<string> = []) =>
  Effect.map(addWebhookEndpoint(system, TenantId.make(tenant), { url, kinds }), (outcome) => {
    if (outcome._tag !== "WebhookEndpointCreated") return assert.fail(outcome._tag)
    return outcome.endpoint.id
  })

describe("delivering notifications", () => {
  it.effect("honours the recipient's preferences on channels that reach people; the operator's log and security notices always go", () =>
    Effect.gen(function*() {
      yield* (yield* NotificationSubscriptions).savePreferences(
        new NotificationPreferences({ accountId: ada, mutedCategories: ["info"], mutedKinds: ["members"], updatedAt: yield* DateTime.now })
      )
      const before = yield* suppressed
      yield* emit(
        notice("digest.weekly", "info", { account: ada }),
        notice("members.added", "operations", { account: ada }),
        notice("settings.changed", "operations", { account: ada }),
        notice("auth.newDevice", "security", { account: ada }),
        notice("digest.weekly", "info", { account: AccountId.make("grace") }),
        notice("digest.weekly", "info")
      )
      yield* deliverAll
      const delivered = yield* deliveries
      assert.strictEqual(delivered.filter((d) => d.channel === "log").length, 6, "the log records every notification")
      assert.deepStrictEqual(
        delivered.filter((d) => d.channel === "webhook").map((d) => d.record.intent.kind),
        ["settings.changed", "auth.newDevice", "digest.weekly", "digest.weekly"]
      )
      assert.strictEqual((yield* suppressed) - before, 2, "the withheld deliveries are counted as suppressed")
      assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null }, "settled, not left pending")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("fans a tenant's notifications out to its subscribed endpoints, one delivery each, and to no other tenant's", () =>
    Effect.gen(function*() {
      yield* createTenant("acme")
      yield* createTenant("globex")
      const settingsOnly = yield* endpoint("acme", "https://a.example.com/hook", ["settings"])
      const everything = yield* endpoint("acme", "https://b.example.com/hook")
      yield* endpoint("globex", "https://c.example.com/hook")
      yield* emit(notice("settings.changed", "operations", { tenant: "acme" }), notice("members.added", "info", { tenant: "acme" }), notice("settings.changed", "operations"))
      yield* deliverAll
      const toEndpoints = (yield* deliveries).filter((d) => d.channel === "endpoint")
      assert.deepStrictEqual(toEndpoints.map((d) => [d.url, d.record.intent.kind]).sort(), [
        ["https://a.example.com/hook", "settings.changed"],
        ["https://b.example.com/hook", "members.added"],
        ["https://b.example.com/hook", "settings.changed"]
      ])
      const ids = toEndpoints.map((d) => d.deliveryId)
      assert.isTrue(ids.some((id) => id.endsWith(`:endpoint:${settingsOnly}`)) && ids.some((id) => id.endsWith(`:endpoint:${everything}`)))
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("retries each endpoint on its own; a delivery to an endpoint removed meanwhile is dropped, not retried", () =>
    Effect.gen(function*() {
      yield* createTenant("acme")
      const kept = yield* endpoint("acme", "https://a.example.com/hook")
      const removed = yield* endpoint("acme", "https://b.example.com/hook")
      const recorder = yield* ChannelRecorder
      yield* recorder.setDown("endpoint", true)
      yield* emit(notice("settings.changed", "operations", { tenant: "acme" }))
      yield* deliverAll
      const waiting = (yield* (yield* Outbox).list("pending", 10)).map((l) => [l.entry.destination, l.entry.attempts])
      assert.deepStrictEqual(waiting.sort(), [[`endpoint:${kept}`, 1], [`endpoint:${removed}`, 1]])
      assert.strictEqual((yield* removeWebhookEndpoint(system, TenantId.make("acme"), removed))._tag, "WebhookEndpointRemoved")
      yield* recorder.setDown("endpoint", false)
      yield* TestClock.adjust("1 second")
      yield* deliverAll
      assert.deepStrictEqual((yield* deliveries).filter((d) => d.channel === "endpoint").map((d) => d.url), ["https://a.example.com/hook"])
      assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null })
      assert.isTrue(Option.isNone(yield* (yield* NotificationSubscriptions).signingEndpoint(TenantId.make("acme"), removed)))
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
