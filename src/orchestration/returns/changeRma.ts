import { Data, Effect, Either, Option } from "effect"
import { Rma, type RmaId } from "../../domain/returns/Rma.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { Transactions } from "../shared/Transactions.js"
import { Rmas } from "./Rmas.js"

class Conflict extends Data.TaggedError("RmaConflict")<{ readonly id: RmaId }> {}

/**
 * Changes an RMA in one unit of work: reads it, lets `change` decide (a new version to store, or
 * an outcome and nothing written; the same version means nothing to do), stores it by
 * compare-and-set (one version up, however many transitions it made) and records `intents` with it. A concurrent change is retried on the fresh
 * RMA; a missing one is `NotFound`. Returns the RMA as it stands, or the outcome.
 */
export const changeRma = <A, E, R, E2, R2>(
  tenant: TenantId,
  id: RmaId,
  change: (rma: Rma) => Effect.Effect<Either.Either<Rma, A>, E, R>,
  intents: (before: Rma, after: Rma) => Effect.Effect<void, E2, R2>
) =>
  Effect.flatMap(Effect.all([Rmas, Transactions]), ([rmas, transactions]) =>
    transactions.withTransaction(Effect.gen(function*() {
      const found = yield* rmas.find(tenant, id)
      if (Option.isNone(found)) return Either.left<A | NotFound>(new NotFound({ entity: "rma", id }))
      const decided = yield* change(found.value)
      if (Either.isLeft(decided) || decided.right.version === found.value.version) return decided
      const next = new Rma({ ...decided.right, version: found.value.version + 1 })
      if (!(yield* rmas.update(tenant, next))) return yield* new Conflict({ id })
      yield* intents(found.value, next)
      return Either.right(next)
    })).pipe(
      Effect.retry({ times: 5, while: (error) => error instanceof Conflict }),
      Effect.catchIf((error): error is Conflict => error instanceof Conflict, () =>
        Effect.die(new InvariantViolation({ message: `RMA ${id} kept changing under compare-and-set` })))
    ))

/** The RMA a workflow step works on: it exists (the workflow started after it was stored). */
export const requireRma = <A>(result: Either.Either<Rma, A | NotFound>, id: RmaId) =>
  Either.match(result, {
    onRight: Effect.succeed,
    onLeft: (outcome) => Effect.die(new InvariantViolation({ message: `RMA ${id}: ${JSON.stringify(outcome)}` }))
  })
