import * as Activity from "@effect/workflow/Activity"
import * as DurableClock from "@effect/workflow/DurableClock"
import * as DurableDeferred from "@effect/workflow/DurableDeferred"
import { DateTime, Duration, Effect, Option, Schedule, Schema } from "effect"
import { RmaConcluded } from "../../domain/returns/ReturnOutcomes.js"
import { Rma, RmaRefund, RmaReplacement, RmaState } from "../../domain/returns/Rma.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { RepositoryError } from "../shared/RepositoryError.js"
import { expireRma } from "./expireRma.js"
import { moveReturnedStock } from "./moveReturnedStock.js"
import { refundRma } from "./refundRma.js"
import { fulfilReplacement, replaceRma } from "./replace.js"
import { Rmas } from "./Rmas.js"
import { Arrived, Inspected, type RmaRun, RmaWorkflow } from "./RmaWorkflow.js"
import { settleRma } from "./settleRma.js"

/** Store failures inside a step are retried a few times, 100 ms apart and doubling, before the step fails. */
const storeRetries = Schedule.exponential(Duration.millis(100)).pipe(Schedule.intersect(Schedule.recurs(4)))

/** A durable step: its result is stored, so a resumed workflow does not run it again (and each is idempotent when it does). */
const step = <A, I, R>(name: string, success: Schema.Schema<A, I>, execute: Effect.Effect<A, RepositoryError, R>) =>
  Activity.make({ name, success, error: RepositoryError, execute: Effect.retry(execute, { schedule: storeRetries }) })

const stored = (run: RmaRun) =>
  Effect.flatMap(Rmas, (rmas) => rmas.find(run.tenantId, run.rmaId)).pipe(
    Effect.flatMap(Option.match({
      onNone: () => Effect.die(new InvariantViolation({ message: `RMA ${run.rmaId} of ${run.tenantId} is gone` })),
      onSome: Effect.succeed
    }))
  )

/** Waits for the goods until the end of the return window, on a durable timer: no polling, and the deadline survives restarts. */
const receiptOrWindow = (run: RmaRun) =>
  Effect.flatMap(DateTime.now, (now) => {
    const arrived = Effect.as(DurableDeferred.await(Arrived), "arrived" as const)
    const window = Duration.millis(Math.max(0, run.receiveBy - DateTime.toEpochMillis(now)))
    const elapsed = Effect.as(DurableClock.sleep({ name: "return-window", duration: window, inMemoryThreshold: Duration.zero }), "elapsed" as const)
    return DurableDeferred.raceAll<[typeof arrived, typeof elapsed], "arrived" | "elapsed", never, never, never>({
      name: "receipt-or-window",
      success: Schema.Literal("arrived", "elapsed"),
      error: Schema.Never,
      effects: [arrived, elapsed]
    })
  })

const runRma = (run: RmaRun) =>
  Effect.gen(function*() {
    const waited = yield* receiptOrWindow(run)
    if (waited === "elapsed" && (yield* step("expire", Schema.Boolean, expireRma(run)))) return new RmaConcluded({ rmaId: run.rmaId, state: "Expired" })
    yield* DurableDeferred.await(Inspected)
    const rma = yield* step("inspected", Rma, stored(run))
    if (rma.resolution === "refund") yield* step("refund", Schema.UndefinedOr(RmaRefund), refundRma(run))
    else {
      const replacement = yield* step("replace", Schema.UndefinedOr(RmaReplacement), replaceRma(run))
      if (replacement?.dropship === true) yield* step("fulfil-replacement", Schema.String, fulfilReplacement(run, rma, replacement))
    }
    yield* step("stock", Schema.Boolean, moveReturnedStock(run))
    yield* step("settle", RmaState, settleRma(run))
    return new RmaConcluded({ rmaId: run.rmaId, state: "Closed" })
  })

/**
 * The RMA workflow registered with the engine: wait for the goods (or expire at the end of the
 * window), wait for the inspection, then the remedy (credit note, or replacement line — shipped by
 * the vendor through the dropship workflow when the item is dropshipped), the stock
 * movements, and settle and close. Every step is an activity whose result is stored, and every
 * step is idempotent in itself, so a crash at any point resumes without doing anything twice:
 * a crash after the credit note and before the stock movement completes the movement on resume
 * and issues no second credit note.
 */
export const layer = RmaWorkflow.toLayer(runRma)
