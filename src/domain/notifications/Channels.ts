import { Schema } from "effect"
import type { NotificationIntent } from "./NotificationIntent.js"

/**
 * Delivery channels: `log` writes a structured line to the operator's log; `webhook` posts a
 * signed JSON event to the host's endpoint (which may turn it into mail, chat or SMS).
 */
export const Channel = Schema.Literal("log", "webhook")
export type Channel = typeof Channel.Type

/**
 * The channels an intent goes to, among those configured. Every notification is logged; the
 * webhook, when configured, receives every kind. Orchestrators never choose channels.
 */
export const channelsFor = (
  _intent: NotificationIntent,
  configured: ReadonlyArray<Channel>
): ReadonlyArray<Channel> => Channel.literals.filter((channel) => channel === "log" || configured.includes(channel))
