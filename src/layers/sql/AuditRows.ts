import { Schema } from "effect"
import type { StoredLink } from "../../domain/audit/AuditChain.js"
import { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { SqlNullableNumber, SqlNumber } from "./SqlErrors.js"

/** The rows of `baton_audit_log` and `baton_audit_chain`, as the SQL audit log reads them. */

export const HeadRow = Schema.Struct({ chain_seq: SqlNumber, hash: Schema.String })

export const LinkRow = Schema.Struct({
  chain_seq: SqlNullableNumber,
  id: Schema.String,
  occurred_at: SqlNumber,
  action: Schema.String,
  actor: Schema.String,
  outcome: Schema.String,
  target_type: Schema.NullOr(Schema.String),
  target_id: Schema.NullOr(Schema.String),
  tenant_id: Schema.NullOr(Schema.String),
  reason: Schema.NullOr(Schema.String),
  record: Schema.String,
  prev_hash: Schema.NullOr(Schema.String),
  hash: Schema.NullOr(Schema.String)
})

export const EntryRow = Schema.Struct({
  chain_seq: SqlNumber,
  record: Schema.parseJson(AuditRecord),
  prev_hash: Schema.String,
  hash: Schema.String
})

/** A row as a link of the chain (its chain fields may be missing: written outside baton). */
export const linkOf = (row: typeof LinkRow.Type): StoredLink => ({
  sequence: row.chain_seq,
  id: row.id,
  occurredAt: row.occurred_at,
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

/** A link as the row that stores it (`linkOf`'s inverse). */
export const rowOf = (link: StoredLink) => ({
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

export const LINK_COLUMNS = "chain_seq, id, occurred_at, action, actor, outcome, target_type, target_id, tenant_id, reason, record, prev_hash, hash"
