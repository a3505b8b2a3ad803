import { Either, Schema } from "effect"
import { canonical, ChainHead, type Digest, emptyHead, type StoredFields, type StoredLink } from "./AuditChain.js"

/**
 * Verifying the audit chain: a walk in sequence order that stops at the first link that does
 * not hold, and ends by comparing the last record with the chain head kept beside the log.
 */

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

/** Ends a walk: the last record must be the chain head the log keeps beside the records (none: the head row was deleted). */
export const finishWalk = (walk: Walk, stored: ChainHead | undefined): ChainVerdict => {
  if (stored === undefined) return new Broken({ at: walk.head.sequence, reason: "edited", detail: "the chain head row is missing" })
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
