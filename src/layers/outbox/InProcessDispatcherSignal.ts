import { Clock, Effect, Layer, Option, Queue, Ref } from "effect"
import { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"

/** Wake-ups through a sliding queue of one (a wake during a round is kept for the next wait). */
export const make = Effect.gen(function*() {
  const wakeups = yield* Queue.sliding<void>(1)
  const lastBeat = yield* Ref.make(Option.none<number>())
  return DispatcherSignal.of({
    wake: Queue.offer(wakeups, undefined).pipe(Effect.asVoid),
    waitForWork: (timeout) => Queue.take(wakeups).pipe(Effect.timeoutOption(timeout), Effect.asVoid),
    clear: Effect.asVoid(Queue.takeAll(wakeups)),
    beat: Effect.flatMap(Clock.currentTimeMillis, (now) => Ref.set(lastBeat, Option.some(now))),
    lastBeat: Ref.get(lastBeat)
  })
})

export const layer: Layer.Layer<DispatcherSignal> = Layer.effect(DispatcherSignal, make)
