import { Clock, Duration, Effect, Either, Metric, Random } from "effect"
import { afterFailure, type DeliveryPolicy, NextStep } from "../../domain/outbox/DeliveryPolicy.js"
import type { OutboxEntry } from "../../domain/outbox/OutboxEntry.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { AuditLog } from "../audit/AuditLog.js"
import { NotificationChannels } from "../notifications/NotificationChannels.js"
import { Outbox } from "./Outbox.js"
import * as OutboxMetrics from "./OutboxMetrics.js"

export interface DispatchOptions {
  readonly policy: DeliveryPolicy
  /** Entries claimed per round. */
  readonly batchSize: number
  /** How long a claim holds before another dispatcher may take the entry over. */
  readonly lease: Duration.DurationInput
  /** Deliveries in flight at once within a round. */
  readonly concurrency: number
}

const count = (destination: string, result: "delivered" | "retried" | "dead_lettered") =>
  Metric.increment(
    Metric.tagged(Metric.tagged(OutboxMetrics.deliveries, "destination", destination), "result", result)
  )

/** One delivery attempt of an entry to its sink. */
const deliver = Effect.fnUntraced(function*(entry: OutboxEntry) {
  const intent = entry.intent
  if (entry.destination === "audit" && intent._tag === "AuditRecord") {
    return yield* (yield* AuditLog).append(intent)
  }
  if (entry.destination !== "audit" && intent._tag === "NotificationRecord") {
    return yield* (yield* NotificationChannels).deliver(entry.destination, intent, entry.id)
  }
  return yield* Effect.die(
    new InvariantViolation({ message: `outbox entry ${entry.id}: ${intent._tag} cannot go to ${entry.destination}` })
  )
})

/** Delivers one claimed entry and records the result: delivered, rescheduled with backoff, or dead-lettered. */
const settle = Effect.fnUntraced(function*(entry: OutboxEntry, policy: DeliveryPolicy) {
  const outbox = yield* Outbox
  const result = yield* Effect.either(deliver(entry))
  if (Either.isRight(result)) {
    yield* outbox.markDelivered(entry.id)
    return yield* count(entry.destination, "delivered")
  }
  const attempts = entry.attempts + 1
  const error = result.left.message
  const next = afterFailure(policy, attempts, yield* Clock.currentTimeMillis, yield* Random.next)
  yield* NextStep.$match(next, {
    Retry: ({ at }) =>
      outbox.reschedule(entry.id, attempts, at, error).pipe(
        Effect.zipRight(count(entry.destination, "retried")),
        Effect.zipRight(Effect.logDebug("outbox delivery failed; will retry").pipe(Effect.annotateLogs({ entry: entry.id, attempts, error })))
      ),
    DeadLetter: () =>
      outbox.deadLetter(entry.id, attempts, error).pipe(
        Effect.zipRight(count(entry.destination, "dead_lettered")),
        Effect.zipRight(Effect.logError("outbox delivery dead-lettered").pipe(Effect.annotateLogs({ entry: entry.id, attempts, error })))
      )
  })
})

/**
 * One dispatch round: claims the entries that are due and settles each. A repository failure
 * while settling one entry is logged and leaves the entry to its lease: it is claimed again
 * later, and the sinks discard the duplicate. Returns how many entries were claimed.
 */
export const dispatchDue = Effect.fn("Outbox.dispatchDue")(function*(options: DispatchOptions) {
  const outbox = yield* Outbox
  const now = yield* Clock.currentTimeMillis
  const due = yield* outbox.claimDue({
    now,
    leaseUntil: now + Duration.toMillis(options.lease),
    limit: options.batchSize
  })
  yield* Effect.forEach(
    due,
    (entry) =>
      settle(entry, options.policy).pipe(
        Effect.catchTag("RepositoryError", (error) =>
          Effect.logWarning("outbox entry left to its lease").pipe(Effect.annotateLogs({ entry: entry.id, error: error.message })))
      ),
    { concurrency: options.concurrency, discard: true }
  )
  return due.length
})
