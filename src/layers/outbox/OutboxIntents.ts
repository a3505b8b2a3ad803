import { DateTime, Effect, FiberRef, Layer, Option, Schedule, Schema } from "effect"
import { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { NotificationRecord } from "../../domain/notifications/NotificationIntent.js"
import { entriesFor, type Intent, OutboxEntry } from "../../domain/outbox/OutboxEntry.js"
import { constructor } from "../../domain/shared/Construct.js"
import { IntentId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { NotificationChannels } from "../../orchestration/notifications/NotificationChannels.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"
import { Outbox } from "../../orchestration/outbox/Outbox.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { PendingIntents } from "./PendingIntents.js"

const encodeEntries = Schema.encodeSync(Schema.Array(OutboxEntry))
const auditRecord = constructor(AuditRecord)
const notificationRecord = constructor(NotificationRecord)

/**
 * `AuditTrail` and `Notifications` over the outbox. Inside a transaction an intent joins the
 * unit of work's buffer (written before commit); outside one it is written at once, retried
 * briefly, and — should the database stay unreachable — logged in full at error level, so that
 * recording never fails and never changes an outcome.
 */
export const make = Effect.gen(function*() {
  const outbox = yield* Outbox
  const ids = yield* Ids
  const channels = yield* NotificationChannels
  const signal = yield* DispatcherSignal

  const write = (intent: Intent) =>
    Effect.gen(function*() {
      const entries = entriesFor(intent, channels.configured)
      const pending = yield* FiberRef.get(PendingIntents)
      if (Option.isSome(pending)) {
        pending.value.push(...entries)
        return
      }
      yield* outbox.append(entries).pipe(
        Effect.retry({ schedule: Schedule.exponential("20 millis"), times: 3 }),
        Effect.zipRight(signal.wake),
        Effect.catchTag("RepositoryError", (error) =>
          Effect.logError("intent not written to the outbox: recorded here in full").pipe(Effect.annotateLogs({
            error: error.message,
            entries: encodeEntries(entries)
          })))
      )
    })

  const stamp = Effect.all({ id: Effect.map(ids.next, IntentId.make), occurredAt: DateTime.now })

  return Layer.mergeAll(
    Layer.succeed(
      AuditTrail,
      AuditTrail.of({
        record: (intent) => Effect.flatMap(stamp, (at) => write(auditRecord({ ...at, intent })))
      })
    ),
    Layer.succeed(
      Notifications,
      Notifications.of({
        emit: (intent) => Effect.flatMap(stamp, (at) => write(notificationRecord({ ...at, intent })))
      })
    )
  )
})

export const layer: Layer.Layer<AuditTrail | Notifications, never, Outbox | Ids | NotificationChannels | DispatcherSignal> =
  Layer.unwrapEffect(make)
