import { Schema } from "effect"
import { Actor } from "../shared/Actor.js"
import { IntentId, TenantId } from "../shared/Ids.js"
import { JsonObject } from "../shared/Json.js"
import { type AuditRecord, AuditTarget } from "./AuditIntent.js"

/** Which records to list; every field narrows (all of them must hold). Times are inclusive `from`, exclusive `to`. */
export class AuditFilter extends Schema.Class<AuditFilter>("AuditFilter")({
  /** The actor as the audit names it: `account:<id>`, `token:<id>`, `system:<component>`, `anonymous:<ip>`. */
  actor: Schema.optional(Schema.String),
  action: Schema.optional(Schema.String),
  targetType: Schema.optional(Schema.String),
  targetId: Schema.optional(Schema.String),
  tenantId: Schema.optional(TenantId),
  outcome: Schema.optional(Schema.String),
  from: Schema.optional(Schema.DateTimeUtc),
  to: Schema.optional(Schema.DateTimeUtc)
}) {}

export const AuditOrder = Schema.Literal("asc", "desc")
export type AuditOrder = typeof AuditOrder.Type

export const MAX_PAGE = 500
export const DEFAULT_PAGE = 50

/**
 * Where to go on from: after the record with that sequence number, in the listing's order.
 * Opaque to clients (base64url); pass back the `nextCursor` of the previous page with the same
 * filters and order.
 */
export const AuditCursor = Schema.compose(
  Schema.StringFromBase64Url,
  Schema.NumberFromString.pipe(Schema.int(), Schema.positive())
).annotations({ identifier: "AuditCursor" })

/** A record of the audit log as listed: the record, its place in the chain and its hashes. */
export class AuditEntry extends Schema.Class<AuditEntry>("AuditEntry")({
  sequence: Schema.Int,
  id: IntentId,
  occurredAt: Schema.DateTimeUtc,
  action: Schema.String,
  actor: Actor,
  outcome: Schema.String,
  target: Schema.optional(AuditTarget),
  tenantId: Schema.optional(TenantId),
  reason: Schema.optional(Schema.String),
  details: Schema.optional(JsonObject),
  previousHash: Schema.String,
  hash: Schema.String
}) {}

/** One page of the audit log; `nextCursor` is null on the last page. */
export class AuditPage extends Schema.TaggedClass<AuditPage>()("AuditPage", {
  records: Schema.Array(AuditEntry),
  nextCursor: Schema.NullOr(Schema.String)
}) {}

/** The cursor of the page after the one ending with `last`. */
export const cursorAfter = (last: AuditEntry): string => Schema.encodeSync(AuditCursor)(last.sequence)

/** A stored record as listed, with its place in the chain. */
export const entryOf = (record: AuditRecord, chain: { readonly sequence: number; readonly previousHash: string; readonly hash: string }): AuditEntry =>
  new AuditEntry({
    sequence: chain.sequence,
    id: record.id,
    occurredAt: record.occurredAt,
    ...record.intent,
    previousHash: chain.previousHash,
    hash: chain.hash
  })
