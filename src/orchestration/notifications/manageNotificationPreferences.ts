import { DateTime, Effect, Either, Option } from "effect"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { SessionRequired } from "../../domain/identity/AuthOutcomes.js"
import type { NotificationCategory } from "../../domain/notifications/NotificationIntent.js"
import {
  NotificationPreferences,
  PreferencesUpdated,
  validateMutes,
  viewOf
} from "../../domain/notifications/NotificationPreferences.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { NotificationSubscriptions } from "./NotificationSubscriptions.js"

/** The account acting on its own preferences: a full session or one of its API tokens. */
const ownAccount = (actor: Actor): Either.Either<AccountId, SessionRequired> =>
  actor._tag === "ApiTokenActor" || (actor._tag === "AccountActor" && !actor.restricted)
    ? Either.right(actor.accountId)
    : Either.left(new SessionRequired())

/** `GET /me/notification-preferences`: what the account muted, and what it cannot. `NotificationPreferences | SessionRequired`. */
export const getNotificationPreferences = fn("Notifications.getPreferences")(function*(actor: Actor) {
  const account = ownAccount(actor)
  if (Either.isLeft(account)) return account.left
  return viewOf(yield* (yield* NotificationSubscriptions).preferences(account.right))
})

export interface PreferencesInput {
  readonly mutedCategories: ReadonlyArray<NotificationCategory>
  readonly mutedKinds: ReadonlyArray<string>
}

/**
 * `PUT /me/notification-preferences`: replaces what the account mutes. Security notifications
 * cannot be muted: asking for it changes nothing and answers `SecurityNotificationsMandatory`.
 * `PreferencesUpdated | SecurityNotificationsMandatory | SessionRequired`; every attempt is audited.
 */
export const setNotificationPreferences = fn("Notifications.setPreferences")(function*(actor: Actor, input: PreferencesInput) {
  const account = ownAccount(actor)
  if (Either.isLeft(account)) return account.left
  const auditTrail = yield* AuditTrail
  const scope = { action: "notifications.preferences.set", actor, target: new AuditTarget({ type: "account", id: account.right }) }
  const mutes = validateMutes(input)
  if (Either.isLeft(mutes)) {
    yield* auditTrail.record(new AuditIntent({ ...scope, outcome: mutes.left._tag, reason: `asked to mute ${mutes.left.refused.join(", ")}` }))
    return mutes.left
  }
  const preferences = new NotificationPreferences({
    accountId: account.right,
    mutedCategories: mutes.right.categories,
    mutedKinds: mutes.right.kinds,
    updatedAt: yield* DateTime.now
  })
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* (yield* NotificationSubscriptions).savePreferences(preferences)
    yield* auditTrail.record(new AuditIntent({ ...scope, outcome: "PreferencesUpdated", details: { mutedCategories: [...preferences.mutedCategories], mutedKinds: [...preferences.mutedKinds] } }))
  }))
  return new PreferencesUpdated({ preferences: viewOf(Option.some(preferences)) })
})
