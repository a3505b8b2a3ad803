import { Effect, Predicate } from "effect"
import { NotificationIntent, NotificationRecord, SECRET_DATA_KEYS } from "../../domain/notifications/NotificationIntent.js"
import type { Intent } from "../../domain/outbox/OutboxEntry.js"
import type { Json, JsonObject } from "../../domain/shared/Json.js"
import type { SecretBox } from "../crypto/SecretBox.js"

/** How a sealed value is stored in an intent's data: `{ "$sealed": "<key id>:<nonce, ciphertext, tag>" }`. */
const SEALED = "$sealed"

const isSealed = (value: Json | undefined): value is { readonly [SEALED]: string } =>
  Predicate.isRecord(value) && typeof value[SEALED] === "string" && Object.keys(value).length === 1

/** The record with each value of its data replaced by `f`'s (only `data` changes, to or from a value it carried already). */
const mapData = (record: NotificationRecord, f: (key: string, value: Json) => Effect.Effect<Json>) =>
  Effect.map(
    Effect.forEach(Object.entries(record.intent.data), ([key, value]) => Effect.map(f(key, value), (mapped) => [key, mapped] as const)),
    (entries) => {
      const data: JsonObject = Object.fromEntries(entries)
      return new NotificationRecord({ ...record, intent: new NotificationIntent({ ...record.intent, data }, true) }, true)
    }
  )

const hasSecrets = (intent: Intent): intent is NotificationRecord =>
  intent._tag === "NotificationRecord" && Object.keys(intent.intent.data).some((key) => SECRET_DATA_KEYS.has(key))

/**
 * Seals the recipient-only values of a notification (`SECRET_DATA_KEYS`) with the data key, bound
 * to the intent's id, before the intent is written to the outbox: a copy of the database (a backup,
 * a replica) does not hand out a dropship's live callback token. Other intents are unchanged.
 */
export const seal = (box: SecretBox["Type"], intent: Intent): Effect.Effect<Intent> =>
  !hasSecrets(intent) ? Effect.succeed(intent) : mapData(intent, (key, value) =>
    SECRET_DATA_KEYS.has(key) ? Effect.map(box.seal(JSON.stringify(value), intent.id), (sealed) => ({ [SEALED]: sealed })) : Effect.succeed(value))

/** Opens what `seal` sealed, as entries are read back. Values written before sealing existed pass as they are. */
export const open = (box: SecretBox["Type"], intent: Intent): Effect.Effect<Intent> =>
  intent._tag !== "NotificationRecord" || !Object.values(intent.intent.data).some(isSealed) ? Effect.succeed(intent) : mapData(intent, (_key, value) =>
    isSealed(value) ? Effect.map(box.open(value[SEALED], intent.id), (plain) => JSON.parse(plain) as Json) : Effect.succeed(value))
