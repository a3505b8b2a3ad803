import * as SqlClient from "@effect/sql/SqlClient"
import { Context, Effect, Layer, Schema } from "effect"
import { canonical, type StoredLink } from "../../src/domain/audit/AuditChain.js"
import * as Sha256 from "../../src/layers/crypto/Sha256.js"
import { LINK_COLUMNS, LinkRow, linkOf, rowOf } from "../../src/layers/sql/AuditRows.js"
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

export const sql: Layer.Layer<AuditTamper, never, SqlClient.SqlClient> = Layer.effect(
  AuditTamper,
  Effect.map(SqlClient.SqlClient, (sql) => {
    const dropTriggers = sql.onDialectOrElse({
      pg: () => sql`DROP TRIGGER IF EXISTS baton_audit_log_append_only ON baton_audit_log`,
      orElse: () =>
        sql`DROP TRIGGER IF EXISTS baton_audit_log_no_update`.pipe(Effect.zipRight(sql`DROP TRIGGER IF EXISTS baton_audit_log_no_delete`))
    })
    const asIntruder = <A, E>(effect: Effect.Effect<A, E>) => dropTriggers.pipe(Effect.zipRight(effect), Effect.asVoid, Effect.orDie)
    const links = sql`SELECT ${sql.literal(LINK_COLUMNS)} FROM baton_audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq`.pipe(
      Effect.flatMap(Schema.decodeUnknown(Schema.Array(LinkRow))),
      Effect.map((rows) => rows.map(linkOf))
    )
    return AuditTamper.of({
      editAction: (sequence, action) => asIntruder(sql`UPDATE baton_audit_log SET action = ${action} WHERE chain_seq = ${sequence}`),
      remove: (sequence) => asIntruder(sql`DELETE FROM baton_audit_log WHERE chain_seq = ${sequence}`),
      swapRehashed: (a, b) =>
        asIntruder(Effect.gen(function*() {
          const swapped = swapIn(yield* links, a, b).filter((l) => l.sequence === a || l.sequence === b)
          yield* sql`DELETE FROM baton_audit_log WHERE chain_seq IN (${a}, ${b})`
          yield* sql`INSERT INTO baton_audit_log ${sql.insert(swapped.map(rowOf))}`
        })),
      insertUnchained: (id) =>
        asIntruder(Effect.gen(function*() {
          const [first] = yield* links
          yield* sql`INSERT INTO baton_audit_log ${sql.insert({ ...rowOf(first!), id, chain_seq: null, prev_hash: null, hash: null })}`
        }))
    })
  })
)
