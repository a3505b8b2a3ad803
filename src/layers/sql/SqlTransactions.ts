import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { Effect, Layer } from "effect"
import { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"
import { Outbox } from "../../orchestration/outbox/Outbox.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { collect } from "../outbox/PendingIntents.js"

/**
 * Units of work as SQL transactions (savepoints when nested). The intents recorded inside are
 * written to the outbox just before commit, in the same transaction; the dispatcher is woken
 * once the commit succeeded.
 */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const outbox = yield* Outbox
  const signal = yield* DispatcherSignal
  return Transactions.of({
    withTransaction: (effect) =>
      sql.withTransaction(collect(effect, outbox.append)).pipe(
        Effect.catchIf(
          (error): error is SqlError => error instanceof SqlError,
          (cause) => Effect.fail(new RepositoryError({ operation: "Transactions.withTransaction", cause }))
        ),
        Effect.tap(([, written]) => (written ? signal.wake : Effect.void)),
        Effect.map(([a]) => a)
      )
  })
})

export const layer: Layer.Layer<Transactions, never, SqlClient.SqlClient | Outbox | DispatcherSignal> = Layer.effect(
  Transactions,
  make
)
