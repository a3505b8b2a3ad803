import { Effect, Layer, Option, Schema } from "effect"
import { chainAfter, type ChainHead, type ChainLink, emptyHead, type StoredLink } from "../../domain/audit/AuditChain.js"
import { verifyLinks } from "../../domain/audit/ChainVerification.js"
import { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { entryOf } from "../../domain/audit/AuditQuery.js"
import { AuditLog, type AuditLogQuery } from "../../orchestration/audit/AuditLog.js"
import * as Sha256 from "../crypto/Sha256.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

/** The chain as stored: the links in storage order, and the head kept beside them. */
export interface Chain {
  readonly links: ReadonlyArray<StoredLink>
  readonly head: ChainHead
}

const table = Effect.map(MemoryDatabase, (database) => database.table<Chain>("audit_log", { links: [], head: emptyHead }))

const decodeRecord = Schema.decodeSync(Schema.parseJson(AuditRecord))

const matches = (query: AuditLogQuery) => (link: StoredLink): link is ChainLink => {
  const { filter, scope } = query
  const { occurredAt, sequence } = link
  const equal = (value: string | null, wanted: string | undefined) => wanted === undefined || value === wanted
  return sequence !== null && link.hash !== null && link.previousHash !== null &&
    equal(link.actor, filter.actor) && equal(link.action, filter.action) && equal(link.outcome, filter.outcome) &&
    equal(link.targetType, filter.targetType) && equal(link.targetId, filter.targetId) && equal(link.tenantId, filter.tenantId) &&
    (filter.from === undefined || occurredAt >= filter.from.epochMillis) &&
    (filter.to === undefined || occurredAt < filter.to.epochMillis) &&
    (scope._tag === "Everywhere" || scope.tenants.some((tenant) => tenant === link.tenantId)) &&
    Option.match(query.after, { onNone: () => true, onSome: (after) => (query.order === "asc" ? sequence > after : sequence < after) })
}

/** The audit log in memory, chained with the same hash as the SQL one; appends are serialised by the table's `modify`. */
export const make = Effect.map(table, (chain) =>
  AuditLog.of({
    append: (records) =>
      chain.update((state) => {
        const { head, links } = chainAfter(state.head, records, new Set(state.links.map((link) => link.id)), Sha256.hex)
        return links.length === 0 ? state : { links: [...state.links, ...links], head }
      }),
    query: (query) =>
      Effect.map(chain.get, (state) => {
        const found = state.links.filter(matches(query)).sort((a, b) => a.sequence - b.sequence)
        return (query.order === "asc" ? found : found.reverse()).slice(0, query.limit).map((link) => entryOf(decodeRecord(link.record), link))
      }),
    verify: Effect.map(chain.get, (state) =>
      verifyLinks(
        [...state.links].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)),
        state.head,
        Sha256.hex
      ))
  }))

export const layer: Layer.Layer<AuditLog, never, MemoryDatabase> = Layer.effect(AuditLog, make)

/** The records appended so far, in append order (for tests). */
export const records: Effect.Effect<ReadonlyArray<AuditRecord>, never, MemoryDatabase> = Effect.flatMap(table, (chain) =>
  Effect.map(chain.get, (state) => state.links.map((link) => decodeRecord(link.record))))

/** Rewrites the stored chain as an intruder with access to the store could (for tests of `verify`). */
export const tamper = (f: (chain: Chain) => Chain): Effect.Effect<void, never, MemoryDatabase> =>
  Effect.flatMap(table, (chain) => chain.update(f))
