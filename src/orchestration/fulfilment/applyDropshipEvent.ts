import { DateTime, Effect, Either, Option } from "effect"
import type { Dropship } from "../../domain/fulfilment/Dropship.js"
import type { DropshipEvent } from "../../domain/fulfilment/DropshipEvents.js"
import { transition, type TransitionRefusal } from "../../domain/fulfilment/DropshipTransitions.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { Transactions } from "../shared/Transactions.js"
import type { DropshipRef } from "./DropshipWorkflow.js"
import { Dropships } from "./Dropships.js"

/** Thrown inside the unit of work to roll it back with an outcome. */
class Abandoned<A> {
  readonly _tag = "Abandoned"
  constructor(readonly outcome: A) {}
}

/** Another writer changed the record between the read and the write: read again. */
class Stale {
  readonly _tag = "Stale"
}

/**
 * Applies an event (or the event of the instant it is applied at) to a dropship line's record: reads it, asks the state machine, and stores the
 * next record by compare-and-set in one unit of work with `effects` (the commands and intents
 * that go with it). `effects` may answer `Option.some(outcome)` to abandon the unit (everything
 * rolled back) with that outcome. A concurrent change makes it read again.
 */
export const applyDropshipEvent = <A, E, R>(
  ref: DropshipRef,
  event: DropshipEvent | ((at: DateTime.Utc) => DropshipEvent),
  effects: (before: Dropship, after: Dropship) => Effect.Effect<Option.Option<A>, E, R>
) =>
  Effect.gen(function*() {
    const dropships = yield* Dropships
    const transactions = yield* Transactions
    const attempt = Effect.gen(function*() {
      const found = yield* dropships.find(ref.tenantId, ref.salesOrderId, ref.lineNo)
      if (Option.isNone(found)) return Either.left<NotFound | TransitionRefusal | A>(new NotFound({ entity: "dropship", id: `${ref.salesOrderId}/${ref.lineNo}` }))
      const at = yield* DateTime.now
      const next = transition(found.value, typeof event === "function" ? event(at) : event, at)
      if (Either.isLeft(next)) return Either.left(next.left)
      return yield* transactions.withTransaction(Effect.gen(function*() {
        if (!(yield* dropships.update(next.right, found.value.version))) return yield* Effect.fail(new Stale())
        const abandoned = yield* effects(found.value, next.right)
        if (Option.isSome(abandoned)) return yield* Effect.fail(new Abandoned(abandoned.value))
        return Either.right<Dropship>(next.right)
      })).pipe(Effect.catchIf((e): e is Abandoned<A> => e instanceof Abandoned, (e) => Effect.succeed(Either.left(e.outcome))))
    })
    return yield* attempt.pipe(
      Effect.retry({ while: (e) => e instanceof Stale, times: 20 }),
      Effect.catchIf((e): e is Stale => e instanceof Stale, () =>
        Effect.die(new InvariantViolation({ message: `dropship ${ref.salesOrderId}/${ref.lineNo} kept changing under its writers` })))
    )
  })
