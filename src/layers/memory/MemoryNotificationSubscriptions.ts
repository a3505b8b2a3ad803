import { Effect, Layer, Option, Redacted } from "effect"
import type { NotificationPreferences } from "../../domain/notifications/NotificationPreferences.js"
import type { WebhookEndpoint } from "../../domain/notifications/WebhookEndpoint.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { NotificationSubscriptions } from "../../orchestration/notifications/NotificationSubscriptions.js"
import { SecretBox } from "../crypto/SecretBox.js"
import * as EndpointSecrets from "../crypto/EndpointSecrets.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface StoredEndpoint {
  readonly endpoint: WebhookEndpoint
  readonly sealedSecret: string
}

/** Preferences by account, and endpoints listed in creation order (then id), as SQL lists them; secrets sealed as the SQL adapter seals them. */
export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const box = yield* SecretBox
  const preferences = database.table<ReadonlyMap<AccountId, NotificationPreferences>>("notifications.preferences", new Map())
  const endpoints = database.table<ReadonlyArray<StoredEndpoint>>("notifications.endpoints", [])
  return NotificationSubscriptions.of({
    preferences: (account) => Effect.map(preferences.get, (all) => Option.fromNullable(all.get(account))),
    savePreferences: (saved) => preferences.update((all) => new Map(all).set(saved.accountId, saved)),
    endpoints: (tenant) =>
      Effect.map(endpoints.get, (all) =>
        all.filter((s) => s.endpoint.tenantId === tenant).map((s) => s.endpoint).sort((a, b) =>
          a.createdAt.epochMillis - b.createdAt.epochMillis || (a.id < b.id ? -1 : 1)
        )),
    addEndpoint: (endpoint) =>
      Effect.gen(function*() {
        const secret = EndpointSecrets.generate()
        const sealedSecret = yield* box.seal(secret, EndpointSecrets.associatedData(endpoint.tenantId, endpoint.id))
        yield* endpoints.update((all) => [...all, { endpoint, sealedSecret }])
        return Redacted.make(secret)
      }),
    removeEndpoint: (tenant, id) =>
      endpoints.modify((all) => {
        const kept = all.filter((s) => !(s.endpoint.tenantId === tenant && s.endpoint.id === id))
        return [kept.length < all.length, kept]
      }),
    signingEndpoint: (tenant, id) =>
      Effect.flatMap(endpoints.get, (all) => {
        const found = all.find((s) => s.endpoint.tenantId === tenant && s.endpoint.id === id)
        if (found === undefined) return Effect.succeedNone
        return Effect.map(box.open(found.sealedSecret, EndpointSecrets.associatedData(tenant, id)), (secret) => Option.some({ endpoint: found.endpoint, secret: Redacted.make(secret) }))
      })
  })
})

export const layer: Layer.Layer<NotificationSubscriptions, never, MemoryDatabase | SecretBox> = Layer.effect(NotificationSubscriptions, make)
