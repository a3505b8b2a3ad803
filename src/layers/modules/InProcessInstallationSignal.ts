import { Effect, Layer, Queue } from "effect"
import { InstallationSignal } from "../../orchestration/modules/InstallationSignal.js"

/** Wake-ups through a sliding queue of one (a wake during a round is kept for the next wait). */
export const make = Effect.map(Queue.sliding<void>(1), (wakeups) =>
  InstallationSignal.of({
    wake: Queue.offer(wakeups, undefined).pipe(Effect.asVoid),
    waitForWork: (timeout) => Queue.take(wakeups).pipe(Effect.timeoutOption(timeout), Effect.asVoid)
  }))

export const layer: Layer.Layer<InstallationSignal> = Layer.effect(InstallationSignal, make)
