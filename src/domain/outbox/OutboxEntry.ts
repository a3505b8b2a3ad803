import { Option, Schema } from "effect"
import { AuditRecord } from "../audit/AuditIntent.js"
import { Listener, listenersFor } from "../audit/Listeners.js"
import { Channel, channelsFor } from "../notifications/Channels.js"
import { NotificationRecord } from "../notifications/NotificationIntent.js"

/**
 * Where an outbox entry is delivered: the append-only audit log (`audit`), a listener
 * (`listener:<name>`), a notification channel (`log`, `webhook`), the fan-out to a tenant's
 * webhook endpoints (`tenant-endpoints`), or one of those endpoints (`endpoint:<id>`).
 */
export const Destination = Schema.Union(
  Schema.Literal("audit", "tenant-endpoints"),
  Channel,
  Schema.TemplateLiteral("listener:", Listener),
  Schema.TemplateLiteral("endpoint:", Schema.String)
)
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

// every part is already a checked value (the intent a constructed record): validating the whole again costs ≈ 100 µs
const entry = (intent: Intent, destination: Destination) =>
  new OutboxEntry({ id: `${intent.id}:${destination}`, destination, intent, attempts: 0 }, { disableValidation: true })

/**
 * The entries an intent becomes: an audit record goes to the audit log and to each listener it
 * concerns; a notification to each channel and, when it carries a tenant, to the fan-out to
 * that tenant's endpoints. Each entry is retried and dead-lettered on its own, so a failing
 * webhook never re-sends the log line, and a failing listener never re-appends the record.
 */
export const entriesFor = (intent: Intent, configured: ReadonlyArray<Channel>): ReadonlyArray<OutboxEntry> =>
  intent._tag === "AuditRecord"
    ? [entry(intent, "audit"), ...listenersFor(intent.intent).map((listener) => entry(intent, `listener:${listener}`))]
    : [
      ...channelsFor(intent.intent, configured).map((channel) => entry(intent, channel)),
      ...(intent.intent.tenantId === undefined ? [] : [entry(intent, "tenant-endpoints")])
    ]

/** The entry for one of a tenant's endpoints, made when a notification fans out. */
export const endpointEntry = (record: NotificationRecord, endpointId: string): OutboxEntry => entry(record, `endpoint:${endpointId}`)

/** A destination, parsed. */
export type Route =
  | { readonly _tag: "AuditLog" }
  | { readonly _tag: "Listener"; readonly listener: Listener }
  | { readonly _tag: "Channel"; readonly channel: Channel }
  | { readonly _tag: "TenantEndpoints" }
  | { readonly _tag: "Endpoint"; readonly endpointId: string }

const parseListener = Schema.decodeUnknownOption(Schema.TemplateLiteralParser("listener:", Listener))

export const routeOf = (destination: Destination): Route => {
  if (destination === "audit") return { _tag: "AuditLog" }
  if (destination === "tenant-endpoints") return { _tag: "TenantEndpoints" }
  if (destination === "log" || destination === "webhook") return { _tag: "Channel", channel: destination }
  return Option.match(parseListener(destination), {
    onSome: ([, listener]): Route => ({ _tag: "Listener", listener }),
    onNone: (): Route => ({ _tag: "Endpoint", endpointId: destination.slice("endpoint:".length) })
  })
}
