import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Schema } from "effect"
import { AuditIntent, AuditRecord } from "../../src/domain/audit/AuditIntent.js"
import { NotificationIntent, NotificationRecord, OperationsAudience } from "../../src/domain/notifications/NotificationIntent.js"
import { endpointEntry, Intent, OutboxEntry } from "../../src/domain/outbox/OutboxEntry.js"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import { IntentId, TenantId } from "../../src/domain/shared/Ids.js"
import { Outbox } from "../../src/orchestration/outbox/Outbox.js"
import { adapterFamilies, sqlAdapterFamilies } from "../support/Adapters.js"

const entry = (n: number) => {
  const intent = new AuditRecord({
    id: IntentId.make(`intent-${n}`),
    occurredAt: DateTime.unsafeMake(1_700_000_000_000 + n),
    intent: new AuditIntent({ action: "test.act", actor: new SystemActor({ component: "test" }), outcome: "Done" })
  })
  return new OutboxEntry({ id: `intent-${n}:audit`, destination: "audit", intent, attempts: 0 })
}

// Entries are appended at the real time; claims use instants far enough ahead to be due.
const later = Date.now() + 60_000

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Outbox contract: ${family.name}`, () => {
    it.live("appends entries once each and lists them oldest first", () =>
      Effect.gen(function*() {
        const outbox = yield* Outbox
        yield* outbox.append([entry(1), entry(2)])
        yield* outbox.append([entry(2), entry(3)])
        const pending = yield* outbox.list("pending", 10)
        assert.deepStrictEqual(pending.map((p) => p.entry.id), ["intent-1:audit", "intent-2:audit", "intent-3:audit"])
        assert.deepStrictEqual(pending[0]?.entry.intent, entry(1).intent)
        const stats = yield* outbox.stats
        assert.deepStrictEqual([stats.pending, stats.dead], [3, 0])
        assert.isNotNull(stats.oldestPendingAt)
      }).pipe(Effect.provide(family.layer)))

    it.live("claims due entries up to the limit and leases them", () =>
      Effect.gen(function*() {
        const outbox = yield* Outbox
        yield* outbox.append([entry(1), entry(2), entry(3)])
        const first = yield* outbox.claimDue({ now: later, leaseUntil: later + 1000, limit: 2 })
        assert.deepStrictEqual(first.map((e) => e.id), ["intent-1:audit", "intent-2:audit"])
        const second = yield* outbox.claimDue({ now: later, leaseUntil: later + 1000, limit: 10 })
        assert.deepStrictEqual(second.map((e) => e.id), ["intent-3:audit"])
        const none = yield* outbox.claimDue({ now: later + 999, leaseUntil: later + 2000, limit: 10 })
        assert.strictEqual(none.length, 0)
        const expired = yield* outbox.claimDue({ now: later + 1000, leaseUntil: later + 2000, limit: 10 })
        assert.strictEqual(expired.length, 3)
      }).pipe(Effect.provide(family.layer)))

    it.live("removes delivered entries, reschedules failed ones and keeps dead letters for replay", () =>
      Effect.gen(function*() {
        const outbox = yield* Outbox
        yield* outbox.append([entry(1), entry(2), entry(3)])
        yield* outbox.markDelivered(["intent-1:audit"])
        yield* outbox.reschedule("intent-2:audit", 1, later + 5000, "sink down")
        yield* outbox.deadLetter("intent-3:audit", 12, "gave up")
        const due = yield* outbox.claimDue({ now: later, leaseUntil: later + 1, limit: 10 })
        assert.strictEqual(due.length, 0)
        const retried = yield* outbox.claimDue({ now: later + 5000, leaseUntil: later + 5001, limit: 10 })
        assert.deepStrictEqual(retried.map((e) => [e.id, e.attempts]), [["intent-2:audit", 1]])
        const dead = yield* outbox.list("dead", 10)
        assert.deepStrictEqual(dead.map((d) => [d.entry.id, d.entry.attempts, d.lastError]), [["intent-3:audit", 12, "gave up"]])
        assert.deepStrictEqual(yield* outbox.stats.pipe(Effect.map((s) => [s.pending, s.dead])), [1, 1])
        assert.strictEqual(yield* outbox.replayDead("all", later), 1)
        const replayed = yield* outbox.claimDue({ now: later + 10_000, leaseUntil: later + 10_001, limit: 10 })
        assert.deepStrictEqual(replayed.map((e) => [e.id, e.attempts]).sort(), [["intent-2:audit", 1], ["intent-3:audit", 0]])
        assert.strictEqual(yield* outbox.replayDead(["unknown"], later), 0)
      }).pipe(Effect.provide(family.layer)))

    it.live("leaves deliveries to tenants' endpoints out of the lag, so that one unreachable endpoint does not make the service unready", () =>
      Effect.gen(function*() {
        const outbox = yield* Outbox
        const notice = new NotificationRecord({
          id: IntentId.make("notice-1"),
          occurredAt: DateTime.unsafeMake(1_700_000_000_000),
          intent: new NotificationIntent({ kind: "settings.changed", category: "operations", audience: new OperationsAudience(), tenantId: TenantId.make("acme"), data: {} })
        })
        yield* outbox.append([endpointEntry(notice, "e-1")])
        assert.deepStrictEqual(yield* outbox.stats, { pending: 1, dead: 0, oldestPendingAt: null })
        yield* outbox.append([entry(1)])
        assert.isNotNull((yield* outbox.stats).oldestPendingAt)
      }).pipe(Effect.provide(family.layer)))
  })
}

const vendorNotice = (token: string) =>
  new NotificationRecord({
    id: IntentId.make("intent-vendor"),
    occurredAt: DateTime.unsafeMake(1_700_000_000_000),
    intent: new NotificationIntent({
      kind: "supply.dropship.purchaseOrder",
      category: "operations",
      audience: new OperationsAudience(),
      tenantId: TenantId.make("acme"),
      data: { quantity: 2, callbackToken: token, callbackUrl: `/vendor-callbacks/dropship/${token}` }
    })
  })

/** The webhook entry of a dropship's purchase-order notice carrying `token`. */
const vendorEntry = (token: string) => new OutboxEntry({ id: "intent-vendor:webhook", destination: "webhook", intent: vendorNotice(token), attempts: 0 })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Outbox recipient-only values: ${family.name}`, () => {
    it.live("gives a notification's callback token back, as written, to the dispatcher that claims it", () =>
      Effect.gen(function*() {
        const outbox = yield* Outbox
        const entry = vendorEntry("tok_only-for-the-vendor")
        yield* outbox.append([entry])
        const [claimed] = yield* outbox.claimDue({ now: later, leaseUntil: later + 1000, limit: 10 })
        assert.deepStrictEqual(claimed?.intent, entry.intent)
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`Outbox storage: ${family.name}`, () => {
    it.live("stores a notification's callback token sealed: the row never shows it, the port gives it back", () =>
      Effect.gen(function*() {
        const outbox = yield* Outbox
        const sql = yield* SqlClient.SqlClient
        const token = "tok_only-for-the-vendor"
        yield* outbox.append([vendorEntry(token)])
        const [row] = yield* sql<{ intent: string }>`SELECT intent FROM baton_outbox`
        assert.notInclude(row?.intent, token)
        assert.include(row?.intent, `"quantity":2`)
        yield* outbox.deadLetter("intent-vendor:webhook", 12, "gave up")
        const [dead] = yield* outbox.list("dead", 10)
        assert.deepStrictEqual(dead?.entry.intent, vendorNotice(token))
        // a row written before values were sealed is delivered as it is
        yield* sql`UPDATE baton_outbox SET intent = ${Schema.encodeSync(Schema.parseJson(Intent))(vendorNotice(token))}, status = 'pending'`
        const [claimed] = yield* outbox.claimDue({ now: later, leaseUntil: later + 1000, limit: 10 })
        assert.deepStrictEqual(claimed?.intent, vendorNotice(token))
      }).pipe(Effect.provide(family.layer)))
  })
}
