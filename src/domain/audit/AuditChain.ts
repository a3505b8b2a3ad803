import { DateTime, Schema } from "effect"
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

/**
 * The links that append `records` after `head`, in order, leaving out those whose id is in
 * `present` (already stored) and repeats within `records` (an at-least-once delivery appends
 * each record once), and the head after them (`head` itself when none is left).
 */
export const chainAfter = (
  head: ChainHead,
  records: ReadonlyArray<AuditRecord>,
  present: ReadonlySet<string>,
  digest: Digest
): { readonly links: ReadonlyArray<ChainLink>; readonly head: ChainHead } => {
  const seen = new Set(present)
  const links: Array<ChainLink> = []
  let last = head
  for (const record of records) {
    if (seen.has(record.id)) continue
    seen.add(record.id)
    const link = nextLink(fieldsOf(record), last, digest)
    links.push(link)
    last = new ChainHead({ sequence: link.sequence, hash: link.hash }, { disableValidation: true })
  }
  return { links, head: last }
}
