import { Clock, Duration, Effect, Either, Metric, Random } from "effect"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { afterFailure, type DeliveryPolicy, NextStep } from "../../domain/outbox/DeliveryPolicy.js"
import { type OutboxEntry, routeOf } from "../../domain/outbox/OutboxEntry.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { AuditLog } from "../audit/AuditLog.js"
import { AuditListeners } from "../audit/AuditListeners.js"
import { type DeliveryResult, deliverNotification } from "../notifications/deliverNotification.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { type ClaimOptions, Outbox } from "./Outbox.js"
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

type Result = DeliveryResult | "retried" | "dead_lettered"

/** The destination as a metric label: endpoints are counted together (their ids are unbounded). */
const label = (destination: string) => (destination.startsWith("endpoint:") ? "endpoint" : destination)

const count = (destination: string, result: Result) =>
  Metric.increment(
    Metric.tagged(Metric.tagged(OutboxMetrics.deliveries, "destination", label(destination)), "result", result)
  )

const delivered: DeliveryResult = "delivered"

/** One delivery attempt of an entry to its sink: the audit log, a listener, or a notification route. */
const deliver = Effect.fnUntraced(function*(entry: OutboxEntry) {
  const route = routeOf(entry.destination)
  const intent = entry.intent
  if (intent._tag === "AuditRecord" && route._tag === "AuditLog") {
    return yield* Effect.as((yield* AuditLog).append([intent]), delivered)
  }
  if (intent._tag === "AuditRecord" && route._tag === "Listener") {
    return yield* Effect.as((yield* AuditListeners).react(route.listener, intent), delivered)
  }
  if (intent._tag === "NotificationRecord" && route._tag !== "AuditLog" && route._tag !== "Listener") {
    return yield* deliverNotification(route, intent, entry.id)
  }
  return yield* Effect.die(
    new InvariantViolation({ message: `outbox entry ${entry.id}: ${intent._tag} cannot go to ${entry.destination}` })
  )
})

/** Delivers one claimed entry and records the result: settled (delivered, suppressed, dropped), rescheduled with backoff, or dead-lettered. */
const settle = Effect.fnUntraced(function*(entry: OutboxEntry, policy: DeliveryPolicy) {
  const outbox = yield* Outbox
  const result = yield* Effect.either(deliver(entry))
  if (Either.isRight(result)) {
    yield* outbox.markDelivered([entry.id])
    return yield* count(entry.destination, result.right)
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

/** An entry whose sink is the audit log, with its record: such entries are delivered in the claim's own transaction. */
const toAuditLog = (entry: OutboxEntry): entry is OutboxEntry & { readonly intent: AuditRecord } =>
  entry.intent._tag === "AuditRecord" && routeOf(entry.destination)._tag === "AuditLog"

/**
 * Claims the due entries and, in the same transaction, appends those bound for the audit log (a
 * sink in the same store) and removes them: one commit for the claim and every record. Should
 * the log refuse the batch, only the append is undone: the claim commits, and the records are
 * settled one by one with the other entries. Answers the claimed entries and those appended.
 */
const claimAndAppend = Effect.fnUntraced(function*(claim: ClaimOptions) {
  const outbox = yield* Outbox
  const auditLog = yield* AuditLog
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const due = yield* outbox.claimDue(claim)
    const records = due.filter(toAuditLog)
    if (records.length === 0) return { due, appended: records }
    const appended = yield* auditLog.append(records.map((entry) => entry.intent)).pipe(
      Effect.as(records),
      Effect.catchTag("RepositoryError", (error) =>
        Effect.logWarning("outbox: the audit log refused a round's records together; each is settled on its own").pipe(
          Effect.annotateLogs({ error: error.message }),
          Effect.as([])
        ))
    )
    if (appended.length > 0) yield* outbox.markDelivered(appended.map((entry) => entry.id))
    return { due, appended }
  }))
})

/**
 * One dispatch round: claims the entries that are due, appends the audit log's in the claim's
 * transaction, and settles each of the others. A repository failure while settling one entry is
 * logged and leaves the entry to its lease: it is claimed again later, and the sinks discard the
 * duplicate. Returns how many entries were claimed.
 */
export const dispatchDue = fn("Outbox.dispatchDue")(function*(options: DispatchOptions) {
  const now = yield* Clock.currentTimeMillis
  const { appended, due } = yield* claimAndAppend({ now, leaseUntil: now + Duration.toMillis(options.lease), limit: options.batchSize })
  yield* Effect.forEach(appended, (entry) => count(entry.destination, delivered), { discard: true })
  const rest = appended.length === 0 ? due : due.filter((entry) => !toAuditLog(entry))
  yield* Effect.forEach(
    rest,
    (entry) =>
      settle(entry, options.policy).pipe(
        Effect.catchTag("RepositoryError", (error) =>
          Effect.logWarning("outbox entry left to its lease").pipe(Effect.annotateLogs({ entry: entry.id, error: error.message })))
      ),
    { concurrency: options.concurrency, discard: true }
  )
  return due.length
})
