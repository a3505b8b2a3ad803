import * as Activity from "@effect/workflow/Activity"
import { Cause, Context, Effect, Option, Schema } from "effect"
import { StockReserved } from "../../domain/commerce/CheckoutDecision.js"
import { CheckoutRejected, InsufficientStock, OrderPlaced, PaymentDeclined } from "../../domain/commerce/CheckoutOutcomes.js"
import { Declined, NothingToRefund, RefundFailed, Refunded } from "../../domain/commerce/Payment.js"
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

/** What a step works on, provided by the saga: the steps are defined once, their input is their context. */
class Command extends Context.Tag("baton/commerce/checkoutSaga/Command")<Command, CheckoutCommand>() {}
class Reservation extends Context.Tag("baton/commerce/checkoutSaga/Reservation")<Reservation, StockReserved>() {}
class Conclusion extends Context.Tag("baton/commerce/checkoutSaga/Conclusion")<Conclusion, PaymentDeclined | InsufficientStock>() {}
class Failure extends Context.Tag("baton/commerce/checkoutSaga/Failure")<Failure, string>() {}

const StepError = Schema.Union(RepositoryError, PaymentGatewayError)

type PlaceRequirements = Effect.Effect.Context<ReturnType<typeof placeOrder>>

/** A durable step: its result is stored, so a resumed saga does not run it again; a store failure is retried first. */
const step = <A, I, R>(name: string, success: Schema.Schema<A, I>, execute: Effect.Effect<A, RepositoryError | PaymentGatewayError, R>) =>
  Activity.make({
    name,
    success,
    error: StepError,
    execute: Effect.retry(execute, { schedule: storeRetries, while: (error) => error._tag === "RepositoryError" })
  })

/** The idempotency key of the attempt's charge (`Activity.CurrentAttempt`), or of its refund: stable across re-runs. */
const chargeKey = Activity.idempotencyKey("charge", { includeAttempt: true })
const refundKey = Activity.idempotencyKey("refund", { includeAttempt: true })

const reserve = step("reserve", Schema.Union(StockReserved, CheckoutRejected, InsufficientStock), Effect.flatMap(Command, reserveStock))
const release = step("release", Schema.Void, Effect.flatMap(Effect.all([Command, Reservation]), ([c, r]) => releaseStock(c, r)))
/**
 * Pays and places the order, as one durable step per charge attempt (`Activity.CurrentAttempt`
 * numbers them: pay/1, pay/2): charges under the attempt's key, then places the order. Run again
 * after a crash, it asks the charge again under the same key (the gateway answers, it does not
 * charge twice) and finds the order already placed. Store failures retry the placing only.
 */
const pay = Activity.make({
  name: "pay",
  success: Schema.Union(Declined, OrderPlaced, ReservationLapsed),
  error: StepError,
  execute: Effect.flatMap(Effect.all([Command, Reservation, chargeKey]), ([c, r, key]) =>
    Effect.flatMap(chargePayment(c, r, key), (charged): Effect.Effect<Declined | OrderPlaced | ReservationLapsed, RepositoryError, PlaceRequirements> =>
      charged._tag === "Declined"
        ? Effect.succeed(charged)
        : Effect.retry(placeOrder(c, r, charged), { schedule: storeRetries, while: (error) => error._tag === "RepositoryError" })))
})
/** Refunds the attempt's charge, if it was ever taken (refund/1 goes with pay/1). */
const refund = step(
  "refund",
  Schema.Union(Refunded, NothingToRefund, RefundFailed),
  Effect.flatMap(Effect.all([Command, chargeKey, refundKey]), ([c, charged, key]) => refundCharge(c, charged, key))
)
const conclude = step(
  "conclude",
  Schema.Union(PaymentDeclined, InsufficientStock),
  Effect.flatMap(Effect.all([Command, Reservation, Conclusion]), ([c, r, o]) => rollBackCheckout(c, r, o))
)
const compensate = step("compensate", Schema.Void, Effect.flatMap(Effect.all([Command, Failure]), ([c, f]) => compensateCheckout(c, f)))

/** A compensation never fails the rollback: a step that still fails is logged in full (reservations also expire). */
const compensating = <R>(effect: Effect.Effect<unknown, unknown, R>) =>
  effect.pipe(Effect.asVoid, Effect.catchAllCause((cause) => Effect.logError("checkout compensation failed", cause)))

const describe = (cause: Cause.Cause<unknown>) =>
  Option.match(Cause.failureOption(cause), {
    onNone: () => Cause.pretty(cause).split("\n")[0] ?? "defect",
    onSome: (error) => (error instanceof Error ? error.message : String(error))
  })

/** One attempt to pay, under its own idempotency key; should the saga fail, its charge is refunded (if it was ever taken). */
const chargeOnce = (attempt: number) =>
  Effect.gen(function*() {
    const inAttempt = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.provideService(effect, Activity.CurrentAttempt, attempt)
    yield* CheckoutWorkflow.withCompensation(Effect.void, () => compensating(inAttempt(refund)))
    return { attempt, result: yield* inAttempt(pay), refund: inAttempt(refund) }
  })

/** Pays, then pays again after a decline as the customer's retry policy (turned into a `Schedule`) allows. */
const chargeWithPolicy = (reserved: StockReserved) =>
  Effect.suspend(() => {
    let attempt = 0
    return Effect.repeat(
      Effect.suspend(() => chargeOnce(++attempt)),
      declineRetries<Effect.Effect.Success<ReturnType<typeof chargeOnce>>>(paymentRetryPolicy(reserved.ready.tier))
    )
  }).pipe(Effect.provideService(Reservation, reserved))

const runCheckout = (command: CheckoutCommand) =>
  Effect.gen(function*() {
    yield* CheckoutWorkflow.withCompensation(Effect.void, (_, cause) => compensating(Effect.provideService(compensate, Failure, describe(cause))))
    const reserved = yield* CheckoutWorkflow.withCompensation(reserve, (result) =>
      result._tag === "StockReserved" ? compensating(Effect.provideService(release, Reservation, result)) : Effect.void)
    if (reserved._tag !== "StockReserved") return reserved
    const paid = yield* chargeWithPolicy(reserved)
    if (paid.result._tag === "OrderPlaced") return paid.result
    const settle = (outcome: PaymentDeclined | InsufficientStock) =>
      conclude.pipe(Effect.provideService(Conclusion, outcome), Effect.provideService(Reservation, reserved))
    if (paid.result._tag === "Declined") return yield* settle(new PaymentDeclined({ reason: paid.result.reason }))
    yield* paid.refund
    return yield* settle(new InsufficientStock({ skus: paid.result.skus }))
  }).pipe(Effect.provideService(Command, command))

/**
 * The checkout saga registered with the workflow engine, in two durable steps: reserve, then pay
 * (charge, with the retry policy, and place the order). Business rollbacks (a decline, a lapsed
 * reservation) are explicit steps; compensations (refund every charge, release the stock, record
 * and alert) run only when the saga fails on infrastructure after its retries.
 */
export const layer = CheckoutWorkflow.toLayer(runCheckout)
