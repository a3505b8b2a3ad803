import { AuditIntent, AuditTarget } from "../audit/AuditIntent.js"
import { AccountAudience, NotificationIntent } from "../notifications/NotificationIntent.js"
import type { Actor } from "../shared/Actor.js"
import type { AccountId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"

/** An audit intent about an account (or, before the account is known, about a login subject). */
export const audit = (
  action: string,
  actor: Actor,
  outcome: string,
  options: { readonly account?: AccountId | undefined; readonly reason?: string; readonly details?: JsonObject } = {}
): AuditIntent =>
  // typed parts (the actor already a checked instance): validating them again on every login costs ≈ 100 µs
  new AuditIntent({
    action,
    actor,
    outcome,
    ...(options.account === undefined ? {} : { target: new AuditTarget({ type: "account", id: options.account }) }),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.details === undefined ? {} : { details: options.details })
  }, { disableValidation: true })

/** Security notifications: they cannot be turned off by preferences. */
export const securityNotice = (kind: string, account: AccountId, data: JsonObject = {}): NotificationIntent =>
  new NotificationIntent({ kind, category: "security", audience: new AccountAudience({ accountId: account }), data })
