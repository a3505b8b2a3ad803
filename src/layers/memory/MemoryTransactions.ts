import { Effect, Layer } from "effect"
import { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"
import { Outbox } from "../../orchestration/outbox/Outbox.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { collect } from "../outbox/PendingIntents.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const outbox = yield* Outbox
  const signal = yield* DispatcherSignal
  return Transactions.of({
    withTransaction: (effect) =>
      database.withTransaction(collect(effect, outbox.append)).pipe(
        Effect.tap(([, written]) => (written ? signal.wake : Effect.void)),
        Effect.map(([a]) => a)
      )
  })
})

export const layer: Layer.Layer<Transactions, never, MemoryDatabase | Outbox | DispatcherSignal> = Layer.effect(
  Transactions,
  make
)
