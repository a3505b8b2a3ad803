import { Array as Arr, Either, Option, Schema } from "effect"
import { AccountId } from "../shared/Ids.js"
import { NotificationCategory, type NotificationIntent } from "./NotificationIntent.js"
import { covers, KindPattern, securityKinds } from "./NotificationKind.js"

/** The categories an account may mute: every one but `security`. */
export const MutableCategory = Schema.Literal("operations", "info")
export type MutableCategory = typeof MutableCategory.Type

/** What an account does not want to receive: whole categories, or kinds (and families of kinds). */
export class NotificationPreferences extends Schema.Class<NotificationPreferences>("NotificationPreferences")({
  accountId: AccountId,
  mutedCategories: Schema.Array(MutableCategory),
  mutedKinds: Schema.Array(KindPattern),
  updatedAt: Schema.DateTimeUtc
}) {}

/** The preferences as an account reads them; `mandatory` names what it cannot mute. */
export class PreferencesView extends Schema.TaggedClass<PreferencesView>()("NotificationPreferences", {
  mutedCategories: Schema.Array(MutableCategory),
  mutedKinds: Schema.Array(KindPattern),
  mandatory: Schema.Array(NotificationCategory),
  updatedAt: Schema.NullOr(Schema.DateTimeUtc)
}) {}

/** The preferences were stored. */
export class PreferencesUpdated extends Schema.TaggedClass<PreferencesUpdated>()("PreferencesUpdated", {
  preferences: PreferencesView
}) {}

/** The request would mute security notifications, which cannot be turned off; nothing was changed. */
export class SecurityNotificationsMandatory extends Schema.TaggedClass<SecurityNotificationsMandatory>()("SecurityNotificationsMandatory", {
  message: Schema.String,
  /** The categories and kinds asked for that cover security notifications. */
  refused: Schema.Array(Schema.String)
}) {}

export const viewOf = (preferences: Option.Option<NotificationPreferences>): PreferencesView =>
  new PreferencesView({
    mutedCategories: Option.match(preferences, { onNone: () => [], onSome: (p) => p.mutedCategories }),
    mutedKinds: Option.match(preferences, { onNone: () => [], onSome: (p) => p.mutedKinds }),
    mandatory: ["security"],
    updatedAt: Option.getOrNull(Option.map(preferences, (p) => p.updatedAt))
  })

/**
 * Checks what an account asks to mute: the `security` category, and kinds that are (or cover)
 * security notifications, are refused. Duplicates are dropped.
 */
export const validateMutes = (request: {
  readonly mutedCategories: ReadonlyArray<NotificationCategory>
  readonly mutedKinds: ReadonlyArray<string>
}): Either.Either<{ readonly categories: ReadonlyArray<MutableCategory>; readonly kinds: ReadonlyArray<string> }, SecurityNotificationsMandatory> => {
  const refused = [
    ...request.mutedCategories.filter((category) => category === "security"),
    ...request.mutedKinds.filter((pattern) => securityKinds.some((kind) => covers(pattern, kind)))
  ]
  if (refused.length > 0) {
    return Either.left(new SecurityNotificationsMandatory({ message: "security notifications cannot be turned off", refused: Arr.dedupe(refused) }))
  }
  return Either.right({
    categories: Arr.dedupe(request.mutedCategories.filter((c): c is MutableCategory => c !== "security")),
    kinds: Arr.dedupe(request.mutedKinds)
  })
}

/**
 * Why a notification is not delivered to its recipient, if it is muted: only notifications for
 * an account, never security ones, and only by that account's own preferences.
 */
export const mutedBecause = (preferences: Option.Option<NotificationPreferences>, intent: NotificationIntent): Option.Option<string> => {
  if (intent.category === "security" || intent.audience._tag !== "AccountAudience" || Option.isNone(preferences)) return Option.none()
  const { mutedCategories, mutedKinds } = preferences.value
  if (mutedCategories.some((category) => category === intent.category)) return Option.some(`category ${intent.category} muted`)
  return Option.map(Arr.findFirst(mutedKinds, (pattern) => covers(pattern, intent.kind)), (pattern) => `kind ${pattern} muted`)
}
