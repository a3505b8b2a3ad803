import { DateTime, Either, Schema } from "effect"
import { actorRef } from "../shared/Actor.js"
import { AuditRecord } from "./AuditIntent.js"

/**
 * The audit log is a hash chain: record n stores the hash of record n − 1 and its own hash,
 * SHA-256 over the canonical encoding of its stored fields and that previous hash. Editing,
 * deleting or moving a record breaks the chain at that point. The hash function is passed in
 * (`Digest`): the domain computes nothing with I/O or native code.
 */
export type Digest = (text: string) => string

/** The previous hash of the first record. */
export const GENESIS = "0".repeat(64)

/** The last record of a chain: its sequence number (1 for the first record) and hash. */
export class ChainHead extends Schema.Class<ChainHead>("ChainHead")({
  sequence: Schema.NonNegativeInt,
  hash: Schema.String
}) {}

export const emptyHead = new ChainHead({ sequence: 0, hash: GENESIS })

/** A record's fields as the audit log stores them (the filterable columns and the whole record as JSON). */
export interface StoredFields {
  readonly id: string
  readonly occurredAt: number
  readonly action: string
  readonly actor: string
  readonly outcome: string
  readonly targetType: string | null
  readonly targetId: string | null
  readonly tenantId: string | null
  readonly reason: string | null
  readonly record: string
}

/** A stored record with its place in the chain. */
export interface ChainLink extends StoredFields {
  readonly sequence: number
  readonly previousHash: string
  readonly hash: string
}

/** A link as read back from storage, where an intruder may have left the chain fields empty. */
export type StoredLink = StoredFields & {
  readonly sequence: number | null
  readonly previousHash: string | null
  readonly hash: string | null
}

const encodeRecord = Schema.encodeSync(Schema.parseJson(AuditRecord))

/** The fields to store for a record. */
export const fieldsOf = (record: AuditRecord): StoredFields => {
  const { intent } = record
  return {
    id: record.id,
    occurredAt: DateTime.toEpochMillis(record.occurredAt),
    action: intent.action,
    actor: actorRef(intent.actor),
    outcome: intent.outcome,
    targetType: intent.target?.type ?? null,
    targetId: intent.target?.id ?? null,
    tenantId: intent.tenantId ?? null,
    reason: intent.reason ?? null,
    record: encodeRecord(record)
  }
}

/** What a link's hash covers: a version tag, its sequence, every stored field in a fixed order, the previous hash. */
export const canonical = (link: StoredFields & { readonly sequence: number; readonly previousHash: string }): string =>
  JSON.stringify([
    "baton.audit.v1",
    link.sequence,
    link.id,
    link.occurredAt,
    link.action,
    link.actor,
    link.outcome,
    link.targetType,
    link.targetId,
    link.tenantId,
    link.reason,
    link.record,
    link.previousHash
  ])

/** The link that follows `head`. */
export const nextLink = (fields: StoredFields, head: ChainHead, digest: Digest): ChainLink => {
  const unhashed = { ...fields, sequence: head.sequence + 1, previousHash: head.hash }
  return { ...unhashed, hash: digest(canonical(unhashed)) }
}

/** How the chain is broken. */
export const BreakReason = Schema.Literal(
  /** The record's content (or its chain fields) no longer matches its hash. */
  "edited",
  /** A sequence number is absent: a record was deleted. */
  "missing",
  /** The record is intact but does not follow the record it was chained to: moved, swapped, or its predecessor replaced. */
  "reordered",
  /** The chain head names later records than the log holds: records were deleted from the end. */
  "truncated"
)
export type BreakReason = typeof BreakReason.Type

/** Every record is in place and unaltered; `head` is the last one (record it elsewhere to anchor the chain). */
export class Intact extends Schema.TaggedClass<Intact>()("Intact", {
  records: Schema.NonNegativeInt,
  head: ChainHead
}) {}

/** The first break found, at sequence number `at`. */
export class Broken extends Schema.TaggedClass<Broken>()("Broken", {
  at: Schema.NonNegativeInt,
  reason: BreakReason,
  detail: Schema.String
}) {}

export const ChainVerdict = Schema.Union(Intact, Broken)
export type ChainVerdict = typeof ChainVerdict.Type

/** A record stored without its chain fields (written outside baton): reported at 0, outside the chain. */
export const outsideChain = (link: StoredFields): Broken =>
  new Broken({ at: 0, reason: "edited", detail: `record ${link.id} carries no chain fields: written outside baton` })

/** A walk along the chain, in sequence order: the records checked so far and the last of them. */
export interface Walk {
  readonly records: number
  readonly head: ChainHead
}

export const startWalk: Walk = { records: 0, head: emptyHead }

/** Checks the next stored link (in sequence order) against the walk so far. */
export const walkStep = (walk: Walk, link: StoredLink, digest: Digest): Either.Either<Walk, Broken> => {
  const expected = walk.head.sequence + 1
  const broken = (at: number, reason: BreakReason, detail: string) => Either.left(new Broken({ at, reason, detail }))
  if (link.sequence === null || link.previousHash === null || link.hash === null) return Either.left(outsideChain(link))
  if (link.sequence < expected) return broken(link.sequence, "reordered", `record ${link.id} claims a place already taken`)
  if (link.sequence > expected) return broken(expected, "missing", `no record at ${expected}: the chain goes on at ${link.sequence}`)
  const chained = { ...link, sequence: link.sequence, previousHash: link.previousHash }
  if (digest(canonical(chained)) !== link.hash) return broken(link.sequence, "edited", `record ${link.id} does not match its hash`)
  if (link.previousHash !== walk.head.hash) {
    return broken(link.sequence, "reordered", `record ${link.id} was chained to another predecessor than record ${walk.head.sequence}`)
  }
  return Either.right({ records: walk.records + 1, head: new ChainHead({ sequence: link.sequence, hash: link.hash }) })
}

/** Ends a walk: the last record must be the chain head the log keeps beside the records. */
export const finishWalk = (walk: Walk, stored: ChainHead): ChainVerdict => {
  if (stored.sequence > walk.head.sequence) {
    return new Broken({ at: walk.head.sequence + 1, reason: "truncated", detail: `the chain head is record ${stored.sequence}` })
  }
  if (stored.sequence < walk.head.sequence || stored.hash !== walk.head.hash) {
    return new Broken({ at: walk.head.sequence, reason: "edited", detail: "the last record is not the chain head: written outside baton" })
  }
  return new Intact({ records: walk.records, head: walk.head })
}

/** Walks a whole chain held in memory (sequence order); adapters walk page by page with `walkStep`. */
export const verifyLinks = (links: ReadonlyArray<StoredLink>, stored: ChainHead, digest: Digest): ChainVerdict => {
  const stray = links.find((link) => link.sequence === null || link.previousHash === null || link.hash === null)
  if (stray !== undefined) return outsideChain(stray)
  let walk = startWalk
  for (const link of links) {
    const next = walkStep(walk, link, digest)
    if (Either.isLeft(next)) return next.left
    walk = next.right
  }
  return finishWalk(walk, stored)
}
