import { assert, describe, it } from "@effect/vitest"
import { DateTime, Either, Option } from "effect"
import { AuditIntent, AuditRecord, AuditTarget } from "../../../src/domain/audit/AuditIntent.js"
import { listenersFor, reactionOf } from "../../../src/domain/audit/Listeners.js"
import { AccountAudience, NotificationIntent, NotificationRecord, OperationsAudience } from "../../../src/domain/notifications/NotificationIntent.js"
import { mutedBecause, NotificationPreferences, validateMutes } from "../../../src/domain/notifications/NotificationPreferences.js"
import { subscribes, validateUrl, WebhookEndpoint, WebhookEndpointId } from "../../../src/domain/notifications/WebhookEndpoint.js"
import { entriesFor, routeOf } from "../../../src/domain/outbox/OutboxEntry.js"
import { AnonymousActor, SystemActor } from "../../../src/domain/shared/Actor.js"
import { AccountId, IntentId, TenantId } from "../../../src/domain/shared/Ids.js"

const at = DateTime.unsafeMake("2026-12-01T10:00:00Z")
const ada = AccountId.make("ada")
const notice = (kind: string, category: NotificationIntent["category"], accountId = ada) =>
  new NotificationIntent({ kind, category, audience: new AccountAudience({ accountId }), data: {} })
const prefs = (mutedCategories: ReadonlyArray<"operations" | "info">, mutedKinds: ReadonlyArray<string>) =>
  Option.some(new NotificationPreferences({ accountId: ada, mutedCategories, mutedKinds, updatedAt: at }))

describe("notification preferences", () => {
  it("refuse to mute security notifications, by category, kind or family", () => {
    const refused = (mutedCategories: ReadonlyArray<NotificationIntent["category"]>, mutedKinds: ReadonlyArray<string>) =>
      Either.match(validateMutes({ mutedCategories, mutedKinds }), { onLeft: (l) => l.refused, onRight: () => [] })
    assert.deepStrictEqual(refused(["security", "info"], ["auth.newDevice", "auth", "admins.suspended", "members", "settings"]), ["security", "auth.newDevice", "auth", "admins.suspended", "members"])
    assert.deepStrictEqual(validateMutes({ mutedCategories: ["info", "info"], mutedKinds: ["settings", "settings"] }), Either.right({ categories: ["info"], kinds: ["settings"] }))
  })

  it("withhold only an account's own non-security notifications it muted, by category, kind or family", () => {
    assert.deepStrictEqual(mutedBecause(prefs(["info"], []), notice("digest", "info")), Option.some("category info muted"))
    assert.deepStrictEqual(mutedBecause(prefs([], ["members"]), notice("members.added", "operations")), Option.some("kind members muted"))
    assert.isTrue(Option.isNone(mutedBecause(prefs([], ["members"]), notice("membersx.added", "operations"))))
    assert.isTrue(Option.isNone(mutedBecause(prefs(["info", "operations"], ["auth"]), notice("auth.newDevice", "security"))))
    assert.isTrue(Option.isNone(mutedBecause(Option.none(), notice("digest", "info"))))
    const operators = new NotificationIntent({ kind: "digest", category: "info", audience: new OperationsAudience(), data: {} })
    assert.isTrue(Option.isNone(mutedBecause(prefs(["info"], []), operators)))
  })
})

describe("webhook endpoints", () => {
  it("require https, or http to a loopback address, without credentials or fragment", () => {
    const ok = (url: string) => Either.isRight(validateUrl(url))
    assert.isTrue(["https://hooks.example.com/x", "http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x"].every(ok))
    assert.isFalse(["http://hooks.example.com/x", "http://127.0.0.1.example.com/", "https://u:p@example.com/", "https://example.com/#f", "ftp://example.com/", "/relative", ""].some(ok))
  })

  it("subscribe to every kind, or to the kinds and families listed", () => {
    const endpoint = (kinds: ReadonlyArray<string>) =>
      new WebhookEndpoint({ id: WebhookEndpointId.make("e"), tenantId: TenantId.make("acme"), url: "https://x", kinds, createdAt: at })
    assert.isTrue(subscribes(endpoint([]), "anything.at.all"))
    assert.isTrue(subscribes(endpoint(["settings"]), "settings.changed"))
    assert.isFalse(subscribes(endpoint(["settings.changed"]), "settings"))
    assert.isFalse(subscribes(endpoint(["members"]), "settings.changed"))
  })
})

describe("routing intents to outbox entries", () => {
  const audit = (intent: Partial<ConstructorParameters<typeof AuditIntent>[0]>) =>
    new AuditRecord({
      id: IntentId.make("a1"),
      occurredAt: at,
      intent: new AuditIntent({ action: "auth.login", actor: new AnonymousActor({ ip: "10.0.0.1", userAgent: "ua" }), outcome: "Authenticated", ...intent })
    })
  const account = new AuditTarget({ type: "account", id: "ada" })

  it("hands an audit record to each listener it concerns, besides the audit log", () => {
    const destinations = (record: AuditRecord) => entriesFor(record, ["log"]).map((e) => e.destination)
    assert.deepStrictEqual(destinations(audit({ target: account, details: { newDevice: true } })), ["audit", "listener:auth.newDevice"])
    assert.deepStrictEqual(destinations(audit({ target: account, details: { newDevice: false } })), ["audit"])
    assert.deepStrictEqual(destinations(audit({ outcome: "InvalidCredentials", target: account, details: { failures: 3 } })), ["audit", "listener:auth.failedLogins"])
    assert.deepStrictEqual(destinations(audit({ outcome: "InvalidCredentials", details: { failures: 3 } })), ["audit"], "an unknown email has no account to tell")
    assert.deepStrictEqual(destinations(audit({ outcome: "InvalidCredentials", target: account, details: { failures: 4 } })), ["audit"])
    assert.deepStrictEqual(listenersFor(audit({ action: "admins.suspend", outcome: "AdminSuspended", actor: new SystemActor({ component: "cli" }), target: account }).intent), [])
  })

  it("names the audit record in a listener's notice, so that a receiver can discard a second run", () => {
    const notice = reactionOf("auth.newDevice", audit({ target: account, details: { newDevice: true } }))
    assert.deepStrictEqual(Option.getOrNull(Option.map(notice, (n) => [n.kind, n.category, n.data])), ["auth.newDevice", "security", { ip: "10.0.0.1", userAgent: "ua", auditRecord: "a1" }])
  })

  it("adds the fan-out to the tenant's endpoints for a notification carrying a tenant, and parses every destination", () => {
    const record = (tenantId?: string) =>
      new NotificationRecord({
        id: IntentId.make("n1"),
        occurredAt: at,
        intent: new NotificationIntent({ kind: "settings.changed", category: "operations", audience: new OperationsAudience(), ...(tenantId === undefined ? {} : { tenantId: TenantId.make(tenantId) }), data: {} })
      })
    assert.deepStrictEqual(entriesFor(record("acme"), ["log", "webhook"]).map((e) => e.id), ["n1:log", "n1:webhook", "n1:tenant-endpoints"])
    assert.deepStrictEqual(entriesFor(record(), ["log"]).map((e) => e.id), ["n1:log"])
    assert.deepStrictEqual(
      (["audit", "listener:auth.newDevice", "log", "webhook", "tenant-endpoints", "endpoint:e-1"] as const).map((d) => routeOf(d)),
      [
        { _tag: "AuditLog" },
        { _tag: "Listener", listener: "auth.newDevice" },
        { _tag: "Channel", channel: "log" },
        { _tag: "Channel", channel: "webhook" },
        { _tag: "TenantEndpoints" },
        { _tag: "Endpoint", endpointId: "e-1" }
      ]
    )
  })
})
