import { Schema } from "effect"
import { AuditRecord } from "../audit/AuditIntent.js"
import { Channel, channelsFor } from "../notifications/Channels.js"
import { NotificationRecord } from "../notifications/NotificationIntent.js"

/** Where an outbox entry is delivered: the append-only audit log, or a notification channel. */
export const Destination = Schema.Union(Schema.Literal("audit"), Channel)
export type Destination = typeof Destination.Type

export const Intent = Schema.Union(AuditRecord, NotificationRecord)
export type Intent = typeof Intent.Type

/** One delivery to make: an intent and its destination. Written in the transaction that caused it. */
export class OutboxEntry extends Schema.Class<OutboxEntry>("OutboxEntry")({
  id: Schema.NonEmptyString,
  destination: Destination,
  intent: Intent,
  attempts: Schema.NonNegativeInt
}) {}

/**
 * The entries an intent becomes: one for the audit log, or one per notification channel. Each
 * entry is retried and dead-lettered on its own, so a failing webhook never re-sends the log line.
 */
export const entriesFor = (intent: Intent, configured: ReadonlyArray<Channel>): ReadonlyArray<OutboxEntry> =>
  intent._tag === "AuditRecord"
    ? [new OutboxEntry({ id: `${intent.id}:audit`, destination: "audit", intent, attempts: 0 })]
    : channelsFor(intent.intent, configured).map(
      (channel) => new OutboxEntry({ id: `${intent.id}:${channel}`, destination: channel, intent, attempts: 0 })
    )
