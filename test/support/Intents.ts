import { Effect } from "effect"
import type { AuditIntent } from "../../src/domain/audit/AuditIntent.js"
import type { NotificationIntent } from "../../src/domain/notifications/NotificationIntent.js"
import { Outbox } from "../../src/orchestration/outbox/Outbox.js"

const pending = Effect.flatMap(Outbox, (outbox) => outbox.list("pending", 10_000))

/** The audit intents written to the outbox and not yet delivered, oldest first. */
export const pendingAudit: Effect.Effect<ReadonlyArray<AuditIntent>, unknown, Outbox> = Effect.map(pending, (entries) =>
  entries.flatMap(({ entry }) => (entry.intent._tag === "AuditRecord" ? [entry.intent.intent] : [])))

/** The notification intents written to the outbox and not yet delivered (once each, whatever the channels). */
export const pendingNotifications: Effect.Effect<ReadonlyArray<NotificationIntent>, unknown, Outbox> = Effect.map(pending, (entries) =>
  entries.flatMap(({ entry }) => (entry.intent._tag === "NotificationRecord" && entry.destination === "log" ? [entry.intent.intent] : [])))
