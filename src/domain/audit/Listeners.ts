import { Option, Schema } from "effect"
import { securityNotice } from "../identity/AuthIntents.js"
import { NotificationIntent } from "../notifications/NotificationIntent.js"
import { AccountId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"
import type { AuditIntent, AuditRecord } from "./AuditIntent.js"

/**
 * The listeners that react to audit records after they commit: each turns certain records into
 * a notification for the account concerned. An interested listener gets its own outbox entry
 * per record, so it is retried and dead-lettered on its own. (A suspension or a disabling is
 * told to the account by `changeAdminStatus` itself, in the same unit of work, delivered after
 * commit through the outbox: a listener on `admins.suspend` would tell it twice.)
 */
export const Listener = Schema.Literal("auth.failedLogins", "auth.newDevice")
export type Listener = typeof Listener.Type

/** The consecutive password failure that alerts the account: once per streak (the counter only grows until a success resets it). */
export const FAILED_LOGINS_ALERT = 3

const accountOf = (intent: AuditIntent): Option.Option<AccountId> =>
  intent.target?.type === "account" ? Option.some(AccountId.make(intent.target.id)) : Option.none()

const deviceOf = (intent: AuditIntent): JsonObject =>
  intent.actor._tag === "AnonymousActor" ? { ip: intent.actor.ip, userAgent: intent.actor.userAgent } : {}

const when = (holds: boolean, intent: AuditIntent, notice: (account: AccountId) => NotificationIntent) =>
  holds ? Option.map(accountOf(intent), notice) : Option.none()

const reactions: { readonly [L in Listener]: (intent: AuditIntent) => Option.Option<NotificationIntent> } = {
  "auth.failedLogins": (intent) =>
    when(
      intent.outcome === "InvalidCredentials" && intent.details?.["failures"] === FAILED_LOGINS_ALERT,
      intent,
      (account) => securityNotice("auth.failedLogins", account, { failures: FAILED_LOGINS_ALERT, ...deviceOf(intent) })
    ),
  "auth.newDevice": (intent) =>
    when(
      intent.action === "auth.login" && intent.details?.["newDevice"] === true,
      intent,
      (account) => securityNotice("auth.newDevice", account, deviceOf(intent))
    )
}

/**
 * The notification a listener emits for an audit record, if the record concerns it. Its data
 * names the record (`auditRecord`), so a receiver can discard a second run of the listener.
 */
export const reactionOf = (listener: Listener, record: AuditRecord): Option.Option<NotificationIntent> =>
  Option.map(reactions[listener](record.intent), (notice) => new NotificationIntent({ ...notice, data: { ...notice.data, auditRecord: record.id } }))

/** The listeners a record concerns (decided when the record is written, to give each its outbox entry). */
export const listenersFor = (intent: AuditIntent): ReadonlyArray<Listener> =>
  Listener.literals.filter((listener) => Option.isSome(reactions[listener](intent)))
