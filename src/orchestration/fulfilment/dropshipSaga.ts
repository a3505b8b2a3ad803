import * as Activity from "@effect/workflow/Activity"
import * as DurableClock from "@effect/workflow/DurableClock"
import * as DurableDeferred from "@effect/workflow/DurableDeferred"
import { DateTime, Duration, Effect, Option, Schema } from "effect"
import { Dropship, isAwaiting } from "../../domain/fulfilment/Dropship.js"
import { Cancelled, Fulfilled, VendorRejected } from "../../domain/fulfilment/DropshipOutcomes.js"
import { nextEscalation } from "../../domain/fulfilment/Escalation.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { RepositoryError } from "../shared/RepositoryError.js"
import { storeRetries } from "../commerce/CheckoutSchedules.js"
import { type DropshipRef, DropshipWorkflow, signalOf } from "./DropshipWorkflow.js"
import { escalateDropship } from "./escalateDropship.js"
import { findDropship } from "./findDropship.js"
import { invoiceDropship } from "./invoiceDropship.js"
import { placePurchaseOrder } from "./placePurchaseOrder.js"
import { recordDropshipShipments } from "./recordDropshipShipments.js"

/** A durable step: its result is stored, so a resumed workflow does not run it again; a store failure is retried first. */
const step = <A, I, R>(name: string, success: Schema.Schema<A, I>, execute: Effect.Effect<A, RepositoryError, R>) =>
  Activity.make({ name, success, error: RepositoryError, execute: Effect.retry(execute, { schedule: storeRetries }) })

const Woken = Schema.Literal("signal", "overdue", "atRisk")

/**
 * Waits, durably, for whichever comes first: the line's next outside event (signal
 * `signals + 1`, completed by the vendor's callback or a cancellation) or the next escalation
 * deadline (a `DurableClock` that keeps its deadline across restarts). Nothing polls.
 */
const wait = (current: Dropship, round: number) =>
  Effect.gen(function*() {
    const signal = Effect.as(DurableDeferred.await(signalOf(current.signals + 1)), "signal" as const)
    const escalation = nextEscalation(current)
    if (Option.isNone(escalation)) return yield* signal
    const left = DateTime.distance(yield* DateTime.now, escalation.value.at)
    const timer = DurableClock.sleep({ name: escalation.value.level, duration: Duration.millis(Math.max(0, left)), inMemoryThreshold: Duration.zero }).pipe(
      Effect.as(escalation.value.level)
    )
    return yield* DurableDeferred.raceAll({ name: `wait-${round}`, success: Woken, error: Schema.Never, effects: [signal, timer] })
  })

/**
 * The dropship workflow: place the purchase order (the customer as ship-to) and tell the vendor →
 * wait durably for the vendor's confirmations, escalating at the deadlines (operations at the
 * promised lead time, then the line at risk and the customer told) → record the shipments on
 * the sales order as they arrive → once all shipped, invoice the customer and close. A
 * cancellation or the vendor's rejection (recorded by their own orchestrators) ends the wait.
 * Every step is an idempotent activity; the body is replayed on resume.
 */
export const layer = DropshipWorkflow.toLayer(Effect.fn(function*(ref: DropshipRef) {
  let current = yield* step("place", Dropship, placePurchaseOrder(ref))
  let recorded = 0
  for (let round = 1; ; round++) {
    if (current.shipments.length > recorded) {
      recorded = current.shipments.length
      yield* step(`record-shipments-${recorded}`, Schema.Void, recordDropshipShipments(ref))
    }
    if (!isAwaiting(current.state)) break
    const woken = yield* wait(current, round)
    if (woken !== "signal") yield* step(`escalate-${woken}`, Schema.Boolean, escalateDropship(ref, woken))
    current = yield* step(`observe-${round}`, Dropship, findDropship(ref))
  }
  switch (current.state) {
    case "Shipped":
    case "Fulfilled":
      return yield* step("invoice", Fulfilled, invoiceDropship(ref))
    case "Cancelled":
      return new Cancelled({ reason: current.reason ?? "cancelled" })
    case "VendorRejected":
      return new VendorRejected({ reason: current.reason ?? "rejected" })
    default:
      return yield* Effect.die(new InvariantViolation({ message: `dropship ${ref.salesOrderId}/${ref.lineNo} stopped waiting in ${current.state}` }))
  }
}))
