import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, TestClock } from "effect"
import { DeliveryPolicy } from "../../../src/domain/outbox/DeliveryPolicy.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import * as MemoryAuditLog from "../../../src/layers/memory/MemoryAuditLog.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { ChannelRecorder } from "../../../src/layers/memory/RecordingNotificationChannels.js"
import { dispatchDue } from "../../../src/orchestration/outbox/dispatchDue.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"

const options = {
  policy: new DeliveryPolicy({ maxAttempts: 4, baseDelay: Duration.seconds(1), maxDelay: Duration.seconds(8) }),
  batchSize: 50,
  lease: Duration.seconds(30),
  concurrency: 4
}
const actor = new SystemActor({ component: "test" })
const change = setSetting(actor, { key: "auth.session.idleTimeoutMinutes", value: 20 })

/** Rounds every simulated second for `seconds` seconds. */
const runFor = (seconds: number) =>
  Effect.forEach(Array.from({ length: seconds }), () => dispatchDue(options).pipe(Effect.zipRight(TestClock.adjust("1 second"))), {
    discard: true
  })

describe("dispatchDue", () => {
  it.effect("delivers audit records to the audit log and notifications to every channel, then forgets them", () =>
    Effect.gen(function*() {
      yield* change
      assert.strictEqual(yield* dispatchDue(options), 3)
      const records = yield* MemoryAuditLog.records
      assert.deepStrictEqual(records.map((r) => [r.intent.action, r.intent.outcome]), [["settings.set", "SettingUpdated"]])
      const delivered = yield* (yield* ChannelRecorder).delivered
      assert.deepStrictEqual(delivered.map((d) => [d.channel, d.record.intent.kind]), [["log", "settings.changed"], ["webhook", "settings.changed"]])
      assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null })
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("(a) a channel failing on every attempt changes no outcome and loses nothing: delivered once it recovers", () =>
    Effect.gen(function*() {
      const recorder = yield* ChannelRecorder
      yield* recorder.setDown("webhook", true)
      const outcome = yield* change
      assert.strictEqual(outcome._tag, "SettingUpdated")
      yield* runFor(3)
      assert.strictEqual((yield* MemoryAuditLog.records).length, 1, "the audit log is not held up by the webhook")
      assert.deepStrictEqual((yield* recorder.delivered).map((d) => d.channel), ["log"])
      const [waiting] = yield* (yield* Outbox).list("pending", 10)
      assert.strictEqual(waiting?.entry.destination, "webhook")
      assert.isAtLeast(waiting?.entry.attempts ?? 0, 1)
      assert.include(waiting?.lastError ?? "", "channel is down")
      yield* recorder.setDown("webhook", false)
      yield* runFor(10)
      assert.deepStrictEqual((yield* recorder.delivered).map((d) => d.channel), ["log", "webhook"])
      assert.strictEqual((yield* (yield* Outbox).stats).pending, 0)
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("backs off between attempts, dead-letters after the last one, and delivers a replayed dead letter", () =>
    Effect.gen(function*() {
      const recorder = yield* ChannelRecorder
      const outbox = yield* Outbox
      yield* recorder.setDown("webhook", true)
      yield* change
      yield* dispatchDue(options)
      const attemptsAfterFirst = yield* recorder.attempts
      yield* dispatchDue(options)
      assert.strictEqual(yield* recorder.attempts, attemptsAfterFirst, "no attempt before the backoff has passed")
      yield* runFor(60)
      const [dead] = yield* outbox.list("dead", 10)
      assert.deepStrictEqual([dead?.entry.destination, dead?.entry.attempts], ["webhook", 4])
      yield* recorder.setDown("webhook", false)
      assert.strictEqual(yield* outbox.replayDead("all", yield* TestClock.currentTimeMillis), 1)
      yield* dispatchDue(options)
      assert.deepStrictEqual((yield* recorder.delivered).map((d) => d.channel), ["log", "webhook"])
      assert.deepStrictEqual(yield* outbox.stats, { pending: 0, dead: 0, oldestPendingAt: null })
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
