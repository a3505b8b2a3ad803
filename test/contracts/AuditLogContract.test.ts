import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Layer, Option } from "effect"
import { GENESIS } from "../../src/domain/audit/AuditChain.js"
import { AuditIntent, AuditRecord, AuditTarget } from "../../src/domain/audit/AuditIntent.js"
import { AuditFilter, type AuditOrder } from "../../src/domain/audit/AuditQuery.js"
import type { Reach } from "../../src/domain/access/Decision.js"
import { AccountActor, SystemActor } from "../../src/domain/shared/Actor.js"
import { AccountId, IntentId, SessionId, TenantId } from "../../src/domain/shared/Ids.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import { AuditLog } from "../../src/orchestration/audit/AuditLog.js"
import { sqlAdapterFamilies } from "../support/Adapters.js"
import * as AuditTamper from "../support/AuditTamper.js"

const acme = TenantId.make("acme")
const globex = TenantId.make("globex")
const ada = new AccountActor({ accountId: AccountId.make("ada"), sessionId: SessionId.make("s1") })
const system = new SystemActor({ component: "test" })
const start = 1_800_000_000_000

/** The n-th record: every third in acme, every third in globex, the rest platform-wide; odd ones by Ada. */
const record = (n: number) =>
  new AuditRecord({
    id: IntentId.make(`record-${String(n).padStart(3, "0")}`),
    occurredAt: DateTime.unsafeMake(start + n * 1000),
    intent: new AuditIntent({
      action: n % 2 === 0 ? "settings.set" : "auth.login",
      actor: n % 2 === 1 ? ada : system,
      outcome: n % 5 === 0 ? "PermissionDenied" : "Done",
      target: new AuditTarget({ type: "thing", id: `thing-${n % 4}` }),
      ...(n % 3 === 1 ? { tenantId: acme } : n % 3 === 2 ? { tenantId: globex } : {}),
      ...(n % 5 === 0 ? { reason: "no role grants it" } : {})
    })
  })

const everywhere: Reach = { _tag: "Everywhere" }
const query = (filter: Partial<ConstructorParameters<typeof AuditFilter>[0]> = {}, options: { scope?: Reach; after?: number; limit?: number; order?: AuditOrder } = {}) =>
  Effect.flatMap(AuditLog, (log) =>
    log.query({
      filter: new AuditFilter(filter),
      scope: options.scope ?? everywhere,
      after: Option.fromNullable(options.after),
      limit: options.limit ?? 100,
      order: options.order ?? "asc"
    }))
const sequences = (entries: ReadonlyArray<{ readonly sequence: number }>) => entries.map((e) => e.sequence)
const appendAll = (count: number) => Effect.flatMap(AuditLog, (log) => Effect.forEach(Array.from({ length: count }, (_, i) => record(i + 1)), (r) => log.append([r]), { discard: true }))
const verdict = Effect.flatMap(AuditLog, (log) => log.verify)

const families: ReadonlyArray<{ readonly name: string; readonly skip: boolean; readonly layer: Layer.Layer<AuditLog | AuditTamper.AuditTamper> }> = [
  { name: "memory", skip: false, layer: AuditTamper.memory.pipe(Layer.provideMerge(MemoryPorts.layer())) },
  ...sqlAdapterFamilies.map((family) => ({ ...family, layer: AuditTamper.sql.pipe(Layer.provideMerge(family.layer)) }))
]

for (const family of families) {
  describe.skipIf(family.skip)(`AuditLog contract: ${family.name}`, () => {
    it.live("chains each record to its predecessor, once per id, and verifies the chain intact", () =>
      Effect.gen(function*() {
        const log = yield* AuditLog
        assert.deepStrictEqual(yield* verdict, { _tag: "Intact", records: 0, head: { sequence: 0, hash: GENESIS } } as never)
        yield* appendAll(3)
        yield* log.append([record(2)])
        const entries = yield* query()
        assert.deepStrictEqual(sequences(entries), [1, 2, 3])
        assert.deepStrictEqual(entries.map((e) => e.id), ["record-001", "record-002", "record-003"])
        assert.strictEqual(entries[0]?.previousHash, GENESIS)
        assert.strictEqual(entries[1]?.previousHash, entries[0]?.hash)
        assert.strictEqual(entries[2]?.previousHash, entries[1]?.hash)
        assert.match(entries[2]?.hash ?? "", /^[0-9a-f]{64}$/)
        assert.deepStrictEqual(entries[0]?.actor, ada)
        const result = yield* verdict
        assert.deepStrictEqual(result, { _tag: "Intact", records: 3, head: { sequence: 3, hash: entries[2]!.hash } } as never)
      }).pipe(Effect.provide(family.layer)))

    it.live("appends a batch in its order as one step, leaving out ids already stored or repeated in the batch", () =>
      Effect.gen(function*() {
        const log = yield* AuditLog
        yield* log.append([record(1)])
        yield* log.append([record(3), record(1), record(2), record(3), record(4)])
        yield* log.append([])
        const entries = yield* query()
        assert.deepStrictEqual(entries.map((e) => [e.sequence, e.id]), [[1, "record-001"], [2, "record-003"], [3, "record-002"], [4, "record-004"]])
        assert.strictEqual(entries[1]?.previousHash, entries[0]?.hash)
        assert.strictEqual(entries[3]?.previousHash, entries[2]?.hash)
        assert.deepStrictEqual(yield* verdict, { _tag: "Intact", records: 4, head: { sequence: 4, hash: entries[3]!.hash } } as never)
      }).pipe(Effect.provide(family.layer)))

    it.live("serialises concurrent appends: no fork, no gap, every record once", () =>
      Effect.gen(function*() {
        const log = yield* AuditLog
        const records = Array.from({ length: 40 }, (_, i) => record(i + 1))
        yield* Effect.forEach([...records, ...records.slice(0, 10)], (r) => log.append([r]), { concurrency: "unbounded", discard: true })
        const entries = yield* query()
        assert.deepStrictEqual(sequences(entries), Array.from({ length: 40 }, (_, i) => i + 1))
        assert.strictEqual(new Set(entries.map((e) => e.id)).size, 40)
        assert.strictEqual((yield* verdict)._tag, "Intact")
      }).pipe(Effect.provide(family.layer)))

    it.live("filters by actor, action, target, tenant, outcome and time; scopes to tenants; pages by sequence both ways", () =>
      Effect.gen(function*() {
        yield* appendAll(30)
        assert.deepStrictEqual(sequences(yield* query({ actor: "account:ada", action: "auth.login", outcome: "PermissionDenied" })), [5, 15, 25])
        assert.deepStrictEqual(sequences(yield* query({ targetType: "thing", targetId: "thing-1", tenantId: acme })), [1, 13, 25])
        assert.deepStrictEqual(
          sequences(yield* query({ from: DateTime.unsafeMake(start + 4000), to: DateTime.unsafeMake(start + 7000) })),
          [4, 5, 6]
        )
        const acmeOnly = yield* query({}, { scope: { _tag: "Tenants", tenants: [acme] } })
        assert.isTrue(acmeOnly.length === 10 && acmeOnly.every((e) => e.tenantId === acme))
        assert.strictEqual((yield* query({}, { scope: { _tag: "Tenants", tenants: [acme, globex] } })).length, 20, "no platform-wide record")
        assert.deepStrictEqual(yield* query({}, { scope: { _tag: "Tenants", tenants: [] } }), [])
        assert.deepStrictEqual(sequences(yield* query({}, { limit: 4, after: 26 })), [27, 28, 29, 30])
        assert.deepStrictEqual(sequences(yield* query({}, { limit: 3, order: "desc" })), [30, 29, 28])
        assert.deepStrictEqual(sequences(yield* query({}, { limit: 3, order: "desc", after: 28 })), [27, 26, 25])
        assert.strictEqual((yield* query({ action: "nothing.such" })).length, 0)
      }).pipe(Effect.provide(family.layer)))

    it.live("reports an edited record, a deleted one, a truncated end, swapped records and a record outside the chain", () =>
      Effect.gen(function*() {
        const tamper = yield* AuditTamper.AuditTamper
        const broken = Effect.map(verdict, (v) => (v._tag === "Broken" ? [v.at, v.reason] : ["intact"]))
        yield* appendAll(8)
        yield* tamper.swapRehashed(6, 7)
        assert.deepStrictEqual(yield* broken, [6, "reordered"])
        yield* tamper.remove(4)
        assert.deepStrictEqual(yield* broken, [4, "missing"])
        yield* tamper.editAction(2, "nothing.happened")
        assert.deepStrictEqual(yield* broken, [2, "edited"])
        yield* tamper.insertUnchained("forged")
        assert.deepStrictEqual(yield* broken, [0, "edited"])
      }).pipe(Effect.provide(family.layer)))

    it.live("reports records deleted from the end of the chain", () =>
      Effect.gen(function*() {
        yield* appendAll(5)
        yield* (yield* AuditTamper.AuditTamper).remove(5)
        const result = yield* verdict
        assert.deepStrictEqual(result._tag === "Broken" ? [result.at, result.reason] : [], [5, "truncated"])
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`AuditLog storage: ${family.name}`, () => {
    it.live("reports a deleted chain head row as a break, not as a failure", () =>
      Effect.gen(function*() {
        yield* appendAll(2)
        yield* (yield* SqlClient.SqlClient)`DELETE FROM baton_audit_chain`
        const result = yield* verdict
        assert.deepStrictEqual(result._tag === "Broken" ? [result.at, result.reason, result.detail] : [], [2, "edited", "the chain head row is missing"])
      }).pipe(Effect.provide(family.layer)))
  })
}
