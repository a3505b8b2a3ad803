import * as SqlClient from "@effect/sql/SqlClient"
import { Context, Effect, Layer } from "effect"
import { canonical, type StoredLink } from "../../src/domain/audit/AuditChain.js"
import * as Sha256 from "../../src/layers/crypto/Sha256.js"
import * as MemoryAuditLog from "../../src/layers/memory/MemoryAuditLog.js"
import type { MemoryDatabase } from "../../src/layers/memory/MemoryDatabase.js"

/**
 * An intruder with write access to the audit log's storage (tests only). On SQL it first drops
 * the append-only triggers, as anyone with the database owner's rights can.
 */
export class AuditTamper extends Context.Tag("test/AuditTamper")<AuditTamper, {
  /** Rewrites the action of the record at `sequence`, leaving its hash. */
  readonly editAction: (sequence: number, action: string) => Effect.Effect<void>
  /** Deletes the record at `sequence`. */
  readonly remove: (sequence: number) => Effect.Effect<void>
  /** Swaps the contents of two records and recomputes their hashes, as an intruder who knows the algorithm. */
  readonly swapRehashed: (a: number, b: number) => Effect.Effect<void>
  /** Stores a record with no chain fields at all. */
  readonly insertUnchained: (id: string) => Effect.Effect<void>
}>() {}

const rehashed = (link: StoredLink, sequence: number): StoredLink => {
  const moved = { ...link, sequence, previousHash: link.previousHash ?? "" }
  return { ...moved, hash: Sha256.hex(canonical(moved)) }
}

const swapIn = (links: ReadonlyArray<StoredLink>, a: number, b: number) => {
  const first = links.find((l) => l.sequence === a)!
  const second = links.find((l) => l.sequence === b)!
  return links.map((l) => (l.sequence === a ? rehashed(second, a) : l.sequence === b ? rehashed(first, b) : l))
}

export const memory: Layer.Layer<AuditTamper, never, MemoryDatabase> = Layer.effect(
  AuditTamper,
  Effect.map(Effect.context<MemoryDatabase>(), (context) => {
    const tamper = (f: (links: ReadonlyArray<StoredLink>) => ReadonlyArray<StoredLink>) =>
      MemoryAuditLog.tamper((chain) => ({ ...chain, links: f(chain.links) })).pipe(Effect.provide(context))
    return AuditTamper.of({
      editAction: (sequence, action) => tamper((links) => links.map((l) => (l.sequence === sequence ? { ...l, action } : l))),
      remove: (sequence) => tamper((links) => links.filter((l) => l.sequence !== sequence)),
      swapRehashed: (a, b) => tamper((links) => swapIn(links, a, b)),
      insertUnchained: (id) =>
        tamper((links) => [...links, { ...links[0]!, id, sequence: null, previousHash: null, hash: null }])
    })
  })
)

interface Row {
  readonly chain_seq: number | string
  readonly id: string
  readonly occurred_at: number | string
  readonly action: string
  readonly actor: string
  readonly outcome: string
  readonly target_type: string | null
  readonly target_id: string | null
  readonly tenant_id: string | null
  readonly reason: string | null
  readonly record: string
  readonly prev_hash: string | null
  readonly hash: string | null
}

const linkOf = (row: Row): StoredLink => ({
  sequence: Number(row.chain_seq),
  id: row.id,
  occurredAt: Number(row.occurred_at),
  action: row.action,
  actor: row.actor,
  outcome: row.outcome,
  targetType: row.target_type,
  targetId: row.target_id,
  tenantId: row.tenant_id,
  reason: row.reason,
  record: row.record,
  previousHash: row.prev_hash,
  hash: row.hash
})

const rowOf = (link: StoredLink) => ({
  chain_seq: link.sequence,
  id: link.id,
  occurred_at: link.occurredAt,
  action: link.action,
  actor: link.actor,
  outcome: link.outcome,
  target_type: link.targetType,
  target_id: link.targetId,
  tenant_id: link.tenantId,
  reason: link.reason,
  record: link.record,
  prev_hash: link.previousHash,
  hash: link.hash
})

export const sql: Layer.Layer<AuditTamper, never, SqlClient.SqlClient> = Layer.effect(
  AuditTamper,
  Effect.map(SqlClient.SqlClient, (sql) => {
    const dropTriggers = sql.onDialectOrElse({
      pg: () => sql`DROP TRIGGER IF EXISTS baton_audit_log_append_only ON baton_audit_log`,
      orElse: () =>
        sql`DROP TRIGGER IF EXISTS baton_audit_log_no_update`.pipe(Effect.zipRight(sql`DROP TRIGGER IF EXISTS baton_audit_log_no_delete`))
    })
    const asIntruder = <A, E>(effect: Effect.Effect<A, E>) => dropTriggers.pipe(Effect.zipRight(effect), Effect.asVoid, Effect.orDie)
    const rows = sql<Row>`SELECT chain_seq, id, occurred_at, action, actor, outcome, target_type, target_id, tenant_id, reason, record, prev_hash, hash
                          FROM baton_audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq`
    return AuditTamper.of({
      editAction: (sequence, action) => asIntruder(sql`UPDATE baton_audit_log SET action = ${action} WHERE chain_seq = ${sequence}`),
      remove: (sequence) => asIntruder(sql`DELETE FROM baton_audit_log WHERE chain_seq = ${sequence}`),
      swapRehashed: (a, b) =>
        asIntruder(Effect.gen(function*() {
          const swapped = swapIn((yield* rows).map(linkOf), a, b).filter((l) => l.sequence === a || l.sequence === b)
          yield* sql`DELETE FROM baton_audit_log WHERE chain_seq IN (${a}, ${b})`
          yield* sql`INSERT INTO baton_audit_log ${sql.insert(swapped.map(rowOf))}`
        })),
      insertUnchained: (id) =>
        asIntruder(Effect.gen(function*() {
          const [first] = yield* rows
          yield* sql`INSERT INTO baton_audit_log ${sql.insert({ ...rowOf(linkOf(first!)), id, chain_seq: null, prev_hash: null, hash: null })}`
        }))
    })
  })
)
