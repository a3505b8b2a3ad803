import * as Activity from "@effect/workflow/Activity"
import { Cause, Effect, Option, Schema } from "effect"
import { StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import { CheckoutRejected, InsufficientStock, OrderPlaced, PaymentDeclined } from "../../domain/commerce/CheckoutOutcomes.js"
import { ChargeResult, NothingToRefund, RefundFailed, Refunded } from "../../domain/commerce/Payment.js"
import { paymentRetryPolicy } from "../../domain/commerce/PaymentPolicy.js"
import { ReservationLapsed } from "../../domain/commerce/Stock.js"
import { RepositoryError } from "../shared/RepositoryError.js"
import { chargePayment } from "./chargePayment.js"
import { declineRetries, storeRetries } from "./CheckoutSchedules.js"
import { type CheckoutCommand, CheckoutWorkflow } from "./CheckoutWorkflow.js"
import { compensateCheckout } from "./compensateCheckout.js"
import { PaymentGatewayError } from "./PaymentGatewayError.js"
import { placeOrder } from "./placeOrder.js"
import { refundCharge } from "./refundCharge.js"
import { releaseStock } from "./releaseStock.js"
import { reserveStock } from "./reserveStock.js"
import { rollBackCheckout } from "./rollBackCheckout.js"

const StepError = Schema.Union(RepositoryError, PaymentGatewayError)

/** A durable step: its result is stored, so a resumed saga does not run it again; a store failure is retried first. */
const step = <A, I, R>(name: string, success: Schema.Schema<A, I>, execute: Effect.Effect<A, RepositoryError | PaymentGatewayError, R>) =>
  Activity.make({
    name,
    success,
    error: StepError,
    execute: Effect.retry(execute, { schedule: storeRetries, while: (error) => error._tag === "RepositoryError" })
  })

/** A compensation never fails the rollback: a step that still fails is logged in full (reservations also expire). */
const compensating = <R>(effect: Effect.Effect<unknown, unknown, R>) =>
  effect.pipe(Effect.asVoid, Effect.catchAllCause((cause) => Effect.logError("checkout compensation failed", cause)))

const describe = (cause: Cause.Cause<unknown>) =>
  Option.match(Cause.failureOption(cause), {
    onNone: () => Cause.pretty(cause).split("\n")[0] ?? "defect",
    onSome: (error) => (error instanceof Error ? error.message : String(error))
  })

/** One charge, under its own idempotency key; should the saga fail later, it is refunded (if it was ever taken). */
const chargeOnce = (command: CheckoutCommand, reserved: StockReserved, attempt: number) =>
  Effect.gen(function*() {
    const key = yield* Activity.idempotencyKey(`charge-${attempt}`)
    const refundKey = yield* Activity.idempotencyKey(`refund-${attempt}`)
    yield* CheckoutWorkflow.withCompensation(Effect.void, () =>
      compensating(step(`refund-${attempt}`, Schema.Union(Refunded, NothingToRefund, RefundFailed), refundCharge(command, key, refundKey))))
    const result = yield* step(`charge-${attempt}`, ChargeResult, chargePayment(command, reserved, key))
    return { attempt, key, refundKey, result }
  })

/** Charges, then charges again after a decline as the customer's retry policy (turned into a `Schedule`) allows. */
const charge = (command: CheckoutCommand, reserved: StockReserved) =>
  Effect.suspend(() => {
    let attempt = 0
    return Effect.repeat(
      Effect.suspend(() => chargeOnce(command, reserved, ++attempt)),
      declineRetries<Effect.Effect.Success<ReturnType<typeof chargeOnce>>>(paymentRetryPolicy(reserved.ready.tier))
    )
  })

const runCheckout = (command: CheckoutCommand) =>
  Effect.gen(function*() {
    yield* CheckoutWorkflow.withCompensation(Effect.void, (_, cause) =>
      compensating(step("compensate", Schema.Void, compensateCheckout(command, describe(cause)))))
    const reserved = yield* step("reserve", Schema.Union(StockReserved, CheckoutRejected, InsufficientStock), reserveStock(command)).pipe(
      CheckoutWorkflow.withCompensation((result) =>
        result._tag === "StockReserved" ? compensating(step("release", Schema.Void, releaseStock(command, result))) : Effect.void)
    )
    if (reserved._tag !== "StockReserved") return reserved
    const paid = yield* charge(command, reserved)
    if (paid.result._tag === "Declined") {
      return yield* step("decline", PaymentDeclined, rollBackCheckout(command, reserved, new PaymentDeclined({ reason: paid.result.reason })))
    }
    const placed = yield* step("place", Schema.Union(OrderPlaced, ReservationLapsed), placeOrder(command, reserved, paid.result))
    if (placed._tag === "OrderPlaced") return placed
    yield* step(`refund-${paid.attempt}`, Schema.Union(Refunded, NothingToRefund, RefundFailed), refundCharge(command, paid.key, paid.refundKey))
    return yield* step("lapse", InsufficientStock, rollBackCheckout(command, reserved, new InsufficientStock({ skus: placed.skus })))
  })

/**
 * The checkout saga registered with the workflow engine: reserve → charge (retry policy) →
 * place the order. Business rollbacks (a decline, a lapsed reservation) are explicit steps;
 * compensations (refund every charge, release the stock, record and alert) run only when the
 * saga fails on infrastructure after its retries.
 */
export const layer = CheckoutWorkflow.toLayer((command) => runCheckout(command))
