import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Ref, TestClock } from "effect"
import * as MemoryAuditLog from "../../../src/layers/memory/MemoryAuditLog.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { ChannelRecorder } from "../../../src/layers/memory/RecordingNotificationChannels.js"
import { AuditLog } from "../../../src/orchestration/audit/AuditLog.js"
import { dispatchDue } from "../../../src/orchestration/outbox/dispatchDue.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import { RepositoryError } from "../../../src/orchestration/shared/RepositoryError.js"
import { actionOf, dispatchOptions, recordAudits, testActor } from "../../support/Dispatch.js"

const change = setSetting(testActor, { key: "auth.session.idleTimeoutMinutes", value: 20 })

/** The memory ports, with an audit log that counts its appends and refuses every batch holding a `refused` action. */
class Appends extends Effect.Service<Appends>()("test/Appends", { effect: Ref.make<ReadonlyArray<number>>([]) }) {}
const withPickyAuditLog = Layer.effect(
  AuditLog,
  Effect.gen(function*() {
    const log = yield* AuditLog
    const sizes = yield* Appends
    return AuditLog.of({
      ...log,
      append: (records) =>
        records.some((record) => record.intent.action === "refused")
          ? Effect.fail(new RepositoryError({ operation: "AuditLog.append", cause: new Error("record refused") }))
          : Effect.zipRight(Ref.update(sizes, (all) => [...all, records.length]), log.append(records))
    })
  })
).pipe(Layer.provideMerge(Appends.Default), Layer.provideMerge(MemoryPorts.layer()))

/** Rounds every simulated second for `seconds` seconds. */
const runFor = (seconds: number) =>
  Effect.forEach(Array.from({ length: seconds }), () => dispatchDue(dispatchOptions).pipe(Effect.zipRight(TestClock.adjust("1 second"))), {
    discard: true
  })

describe("dispatchDue", () => {
  it.effect("delivers audit records to the audit log and notifications to every channel, then forgets them", () =>
    Effect.gen(function*() {
      yield* change
      assert.strictEqual(yield* dispatchDue(dispatchOptions), 3)
      const records = yield* MemoryAuditLog.records
      assert.deepStrictEqual(records.map((r) => [r.intent.action, r.intent.outcome]), [["settings.set", "SettingUpdated"]])
      const delivered = yield* (yield* ChannelRecorder).delivered
      assert.deepStrictEqual(delivered.map((d) => [d.channel, d.record.intent.kind]), [["log", "settings.changed"], ["webhook", "settings.changed"]])
      assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null })
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("appends a round's audit records to the audit log together, in their order, with the claim", () =>
    Effect.gen(function*() {
      yield* recordAudits(["first", "second", "third"])
      assert.strictEqual(yield* dispatchDue(dispatchOptions), 3)
      assert.deepStrictEqual((yield* MemoryAuditLog.records).map((r) => r.intent.action), ["first", "second", "third"])
      assert.deepStrictEqual(yield* Ref.get(yield* Appends), [3], "one append for the round")
      assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null })
    }).pipe(Effect.provide(withPickyAuditLog)))

  it.effect("a batch the audit log refuses is settled record by record in the same round: only the refused one waits", () =>
    Effect.gen(function*() {
      const outbox = yield* Outbox
      yield* recordAudits(["first", "refused", "third"])
      assert.strictEqual(yield* dispatchDue(dispatchOptions), 3)
      assert.deepStrictEqual((yield* MemoryAuditLog.records).map((r) => r.intent.action), ["first", "third"])
      assert.deepStrictEqual(yield* Ref.get(yield* Appends), [1, 1])
      const [waiting] = yield* outbox.list("pending", 10)
      assert.deepStrictEqual([waiting && actionOf(waiting.entry), waiting?.entry.attempts], ["refused", 1])
      assert.include(waiting?.lastError ?? "", "record refused")
      yield* runFor(60)
      const [dead] = yield* outbox.list("dead", 10)
      assert.deepStrictEqual([dead && actionOf(dead.entry), dead?.entry.attempts], ["refused", 4])
      assert.deepStrictEqual((yield* MemoryAuditLog.records).map((r) => r.intent.action), ["first", "third"])
    }).pipe(Effect.provide(withPickyAuditLog)))

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
      yield* dispatchDue(dispatchOptions)
      const attemptsAfterFirst = yield* recorder.attempts
      yield* dispatchDue(dispatchOptions)
      assert.strictEqual(yield* recorder.attempts, attemptsAfterFirst, "no attempt before the backoff has passed")
      yield* runFor(60)
      const [dead] = yield* outbox.list("dead", 10)
      assert.deepStrictEqual([dead?.entry.destination, dead?.entry.attempts], ["webhook", 4])
      yield* recorder.setDown("webhook", false)
      assert.strictEqual(yield* outbox.replayDead("all", yield* TestClock.currentTimeMillis), 1)
      yield* dispatchDue(dispatchOptions)
      assert.deepStrictEqual((yield* recorder.delivered).map((d) => d.channel), ["log", "webhook"])
      assert.deepStrictEqual(yield* outbox.stats, { pending: 0, dead: 0, oldestPendingAt: null })
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
