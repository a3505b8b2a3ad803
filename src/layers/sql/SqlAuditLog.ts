import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import type { SqlError } from "@effect/sql/SqlError"
import { type Cause, Effect, Either, Layer, Option, type ParseResult, Schema } from "effect"
import { chainAfter, ChainHead } from "../../domain/audit/AuditChain.js"
import { type ChainVerdict, finishWalk, outsideChain, startWalk, type Walk, walkStep } from "../../domain/audit/ChainVerification.js"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { entryOf } from "../../domain/audit/AuditQuery.js"
import { AuditLog, type AuditLogQuery } from "../../orchestration/audit/AuditLog.js"
import * as Sha256 from "../crypto/Sha256.js"
import { EntryRow, HeadRow, LINK_COLUMNS, LinkRow, linkOf, rowOf } from "./AuditRows.js"
import { mapErrors } from "./SqlErrors.js"

const PAGE = 1000

/**
 * The hash-chained `baton_audit_log` (UPDATE and DELETE refused by triggers) and its head row
 * `baton_audit_chain`. An append (one record or a batch) is one transaction that first writes
 * the head row: on PostgreSQL that takes the row's lock, on SQLite the database's write lock
 * (like `BEGIN IMMEDIATE`), so appends from every process sharing the database are serialised
 * and each reads the true last hash. A unique index on `chain_seq` backs this: a fork cannot be stored.
 */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const lockHead = SqlSchema.single({
    Request: Schema.Void,
    Result: HeadRow,
    execute: () => sql`UPDATE baton_audit_chain SET chain_seq = chain_seq WHERE id = 1 RETURNING chain_seq, hash`
  })
  const readHead = SqlSchema.findAll({
    Request: Schema.Void,
    Result: HeadRow,
    execute: () => sql`SELECT chain_seq, hash FROM baton_audit_chain WHERE id = 1`
  })
  const unchained = SqlSchema.findAll({
    Request: Schema.Void,
    Result: LinkRow,
    execute: () =>
      sql`SELECT ${sql.literal(LINK_COLUMNS)} FROM baton_audit_log
          WHERE chain_seq IS NULL OR prev_hash IS NULL OR hash IS NULL ORDER BY seq LIMIT 1`
  })
  const linksAfter = SqlSchema.findAll({
    Request: Schema.Number,
    Result: LinkRow,
    execute: (after) =>
      sql`SELECT ${sql.literal(LINK_COLUMNS)} FROM baton_audit_log WHERE chain_seq > ${after} ORDER BY chain_seq LIMIT ${PAGE}`
  })

  const append = (records: ReadonlyArray<AuditRecord>) =>
    records.length === 0 ? Effect.void : sql.withTransaction(Effect.gen(function*() {
      const stored = yield* lockHead(undefined)
      const present = yield* sql<{ readonly id: string }>`SELECT id FROM baton_audit_log WHERE ${sql.in("id", records.map((record) => record.id))}`
      const { head, links } = chainAfter(
        new ChainHead({ sequence: stored.chain_seq, hash: stored.hash }),
        records,
        new Set(present.map((row) => row.id)),
        Sha256.hex
      )
      if (links.length === 0) return
      yield* sql`INSERT INTO baton_audit_log ${sql.insert(links.map(rowOf))}`
      yield* sql`UPDATE baton_audit_chain SET chain_seq = ${head.sequence}, hash = ${head.hash} WHERE id = 1`
    })).pipe(mapErrors("AuditLog.append"))

  const query = (query: AuditLogQuery) => {
    const { filter, scope } = query
    if (scope._tag === "Tenants" && scope.tenants.length === 0) return Effect.succeed([])
    const equal = (column: string, value: string | undefined) => (value === undefined ? [] : [sql`${sql(column)} = ${value}`])
    const conditions = [
      sql`chain_seq IS NOT NULL`,
      ...equal("actor", filter.actor),
      ...equal("action", filter.action),
      ...equal("target_type", filter.targetType),
      ...equal("target_id", filter.targetId),
      ...equal("tenant_id", filter.tenantId),
      ...equal("outcome", filter.outcome),
      ...(filter.from === undefined ? [] : [sql`occurred_at >= ${filter.from.epochMillis}`]),
      ...(filter.to === undefined ? [] : [sql`occurred_at < ${filter.to.epochMillis}`]),
      ...(scope._tag === "Tenants" ? [sql.in("tenant_id", scope.tenants)] : []),
      ...Option.match(query.after, {
        onNone: () => [],
        onSome: (after) => [query.order === "asc" ? sql`chain_seq > ${after}` : sql`chain_seq < ${after}`]
      })
    ]
    const direction = sql.literal(query.order === "asc" ? "ASC" : "DESC")
    return sql`SELECT chain_seq, record, prev_hash, hash FROM baton_audit_log
               WHERE ${sql.and(conditions)} ORDER BY chain_seq ${direction} LIMIT ${query.limit}`.pipe(
      Effect.flatMap(Schema.decodeUnknown(Schema.Array(EntryRow))),
      Effect.map((rows) => rows.map((row) => entryOf(row.record, { sequence: row.chain_seq, previousHash: row.prev_hash, hash: row.hash }))),
      mapErrors("AuditLog.query")
    )
  }

  const walkFrom = (walk: Walk): Effect.Effect<ChainVerdict, SqlError | ParseResult.ParseError | Cause.NoSuchElementException> =>
    Effect.flatMap(linksAfter(walk.head.sequence), (rows) => {
      let current = walk
      for (const row of rows) {
        const next = walkStep(current, linkOf(row), Sha256.hex)
        if (Either.isLeft(next)) return Effect.succeed<ChainVerdict>(next.left)
        current = next.right
      }
      return rows.length < PAGE
        ? Effect.map(readHead(undefined), ([head]) =>
          finishWalk(current, head === undefined ? undefined : new ChainHead({ sequence: head.chain_seq, hash: head.hash })))
        : walkFrom(current)
    })

  const verify = Effect.gen(function*() {
    const [stray] = yield* unchained(undefined)
    if (stray !== undefined) return outsideChain(linkOf(stray))
    return yield* walkFrom(startWalk)
  })

  return AuditLog.of({ append, query, verify: verify.pipe(mapErrors("AuditLog.verify")) })
})

export const layer: Layer.Layer<AuditLog, never, SqlClient.SqlClient> = Layer.effect(AuditLog, make)
