import { assert, describe, it } from "@effect/vitest"
import { type Duration, Effect, Ref, TestClock } from "effect"
import * as InProcessDispatcherSignal from "../../../src/layers/outbox/InProcessDispatcherSignal.js"
import { DispatcherSignal } from "../../../src/orchestration/outbox/DispatcherSignal.js"
import { runDispatcher } from "../../../src/orchestration/outbox/runDispatcher.js"

/** The loop around a round that counts itself and claims `claimed` entries. */
const loop = (options: { readonly gather?: Duration.DurationInput }, claimed = 0) =>
  Effect.gen(function*() {
    const rounds = yield* Ref.make(0)
    yield* Effect.forkScoped(runDispatcher(Effect.as(Ref.update(rounds, (n) => n + 1), claimed), { batchSize: 10, pollInterval: "1 second", ...options }))
    yield* TestClock.adjust(0)
    return { rounds: Ref.get(rounds), signal: yield* DispatcherSignal }
  })

describe("runDispatcher", () => {
  it.scoped("runs a round at once on a wake-up, and at the poll interval otherwise", () =>
    Effect.gen(function*() {
      const { rounds, signal } = yield* loop({})
      assert.strictEqual(yield* rounds, 1)
      yield* signal.wake
      yield* TestClock.adjust(0)
      assert.strictEqual(yield* rounds, 2)
      yield* TestClock.adjust("1 second")
      assert.strictEqual(yield* rounds, 3)
    }).pipe(Effect.provide(InProcessDispatcherSignal.layer)))

  it.scoped("with a gather time, wake-ups close together make one round, after that time", () =>
    Effect.gen(function*() {
      const { rounds, signal } = yield* loop({ gather: "25 millis" })
      assert.strictEqual(yield* rounds, 1)
      yield* signal.wake
      yield* TestClock.adjust("10 millis")
      yield* signal.wake
      yield* signal.wake
      yield* TestClock.adjust("10 millis")
      assert.strictEqual(yield* rounds, 1, "still gathering")
      yield* TestClock.adjust("5 millis")
      assert.strictEqual(yield* rounds, 2)
      yield* TestClock.adjust("500 millis")
      assert.strictEqual(yield* rounds, 2, "the wake-ups during the gather time were that round's")
    }).pipe(Effect.provide(InProcessDispatcherSignal.layer)))

  it.scoped("starts the next round at once after a full one", () =>
    Effect.gen(function*() {
      const { rounds } = yield* loop({ gather: "25 millis" }, 10)
      yield* TestClock.adjust(0)
      assert.isAtLeast(yield* rounds, 3)
    }).pipe(Effect.provide(InProcessDispatcherSignal.layer)))
})
