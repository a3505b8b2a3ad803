import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option, Redacted } from "effect"
import { NotificationPreferences } from "../../src/domain/notifications/NotificationPreferences.js"
import { WebhookEndpoint, WebhookEndpointId } from "../../src/domain/notifications/WebhookEndpoint.js"
import { AccountId, TenantId } from "../../src/domain/shared/Ids.js"
import { NotificationSubscriptions } from "../../src/orchestration/notifications/NotificationSubscriptions.js"
import { adapterFamilies, sqlAdapterFamilies } from "../support/Adapters.js"
import { assertEncoded } from "../support/IdentityFamilies.js"

const at = DateTime.unsafeMake("2026-12-01T10:00:00Z")
const ada = AccountId.make("ada")
const acme = TenantId.make("acme")
const globex = TenantId.make("globex")
const endpoint = (id: string, tenantId: TenantId, minutes = 0) =>
  new WebhookEndpoint({
    id: WebhookEndpointId.make(id),
    tenantId,
    url: `https://hooks.example.com/${id}`,
    kinds: ["settings", "members.added"],
    createdAt: DateTime.add(at, { minutes })
  })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`NotificationSubscriptions contract: ${family.name}`, () => {
    it.live("stores an account's preferences, replacing the previous ones", () =>
      Effect.gen(function*() {
        const subscriptions = yield* NotificationSubscriptions
        assert.isTrue(Option.isNone(yield* subscriptions.preferences(ada)))
        const first = new NotificationPreferences({ accountId: ada, mutedCategories: ["info"], mutedKinds: ["settings.changed"], updatedAt: at })
        yield* subscriptions.savePreferences(first)
        assertEncoded(NotificationPreferences, Option.getOrThrow(yield* subscriptions.preferences(ada)), first)
        const second = new NotificationPreferences({ accountId: ada, mutedCategories: ["operations", "info"], mutedKinds: [], updatedAt: DateTime.add(at, { hours: 1 }) })
        yield* subscriptions.savePreferences(second)
        assertEncoded(NotificationPreferences, Option.getOrThrow(yield* subscriptions.preferences(ada)), second)
        assert.isTrue(Option.isNone(yield* subscriptions.preferences(AccountId.make("grace"))))
      }).pipe(Effect.provide(family.layer)))

    it.live("keeps each tenant's endpoints apart, with a secret shown once and given back only for that tenant's endpoint", () =>
      Effect.gen(function*() {
        const subscriptions = yield* NotificationSubscriptions
        const secret = yield* subscriptions.addEndpoint(endpoint("e2", acme, 1))
        yield* subscriptions.addEndpoint(endpoint("e1", acme))
        yield* subscriptions.addEndpoint(endpoint("e3", globex))
        assert.match(Redacted.value(secret), /^whsec_[A-Za-z0-9_-]{43}$/)
        const listed = yield* subscriptions.endpoints(acme)
        assert.deepStrictEqual(listed.map((e) => e.id), ["e1", "e2"])
        assertEncoded(WebhookEndpoint, listed[1]!, endpoint("e2", acme, 1))
        const signing = yield* subscriptions.signingEndpoint(acme, WebhookEndpointId.make("e2"))
        assert.strictEqual(Option.map(signing, (s) => Redacted.value(s.secret)).pipe(Option.getOrNull), Redacted.value(secret))
        assert.isTrue(Option.isNone(yield* subscriptions.signingEndpoint(globex, WebhookEndpointId.make("e2"))), "not another tenant's")
        assert.isFalse(yield* subscriptions.removeEndpoint(globex, WebhookEndpointId.make("e2")))
        assert.isTrue(yield* subscriptions.removeEndpoint(acme, WebhookEndpointId.make("e2")))
        assert.isFalse(yield* subscriptions.removeEndpoint(acme, WebhookEndpointId.make("e2")))
        assert.deepStrictEqual((yield* subscriptions.endpoints(acme)).map((e) => e.id), ["e1"])
        assert.isTrue(Option.isNone(yield* subscriptions.signingEndpoint(acme, WebhookEndpointId.make("e2"))))
        assert.deepStrictEqual((yield* subscriptions.endpoints(globex)).map((e) => e.id), ["e3"])
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`NotificationSubscriptions storage: ${family.name}`, () => {
    it.live("stores an endpoint's secret sealed, bound to the endpoint: a copy on another endpoint does not open", () =>
      Effect.gen(function*() {
        const subscriptions = yield* NotificationSubscriptions
        const sql = yield* SqlClient.SqlClient
        const secret = Redacted.value(yield* subscriptions.addEndpoint(endpoint("e1", acme)))
        yield* subscriptions.addEndpoint(endpoint("e2", acme))
        const rows = yield* sql<{ id: string; sealed_secret: string }>`SELECT id, sealed_secret FROM baton_webhook_endpoints ORDER BY id`
        assert.isTrue(rows.every((row) => row.sealed_secret.startsWith("v1.") && !row.sealed_secret.includes(secret)))
        yield* sql`UPDATE baton_webhook_endpoints SET sealed_secret = ${rows[0]!.sealed_secret} WHERE id = 'e2'`
        const exit = yield* Effect.exit(subscriptions.signingEndpoint(acme, WebhookEndpointId.make("e2")))
        assert.isTrue(exit._tag === "Failure" && exit.cause._tag === "Die", "a moved secret is a defect, not a secret")
      }).pipe(Effect.provide(family.layer)))
  })
}
