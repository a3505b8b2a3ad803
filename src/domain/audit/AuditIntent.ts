import { Schema } from "effect"
import { Actor } from "../shared/Actor.js"
import { IntentId, TenantId } from "../shared/Ids.js"
import { JsonObject } from "../shared/Json.js"

/** What an audit record is about. */
export class AuditTarget extends Schema.Class<AuditTarget>("AuditTarget")({
  type: Schema.NonEmptyTrimmedString,
  id: Schema.String
}) {}

/**
 * What an orchestrator asks to be audited: who did what to what, in which tenant, with which
 * outcome (its tag) and, for refusals, the precise internal reason that callers never see.
 */
export class AuditIntent extends Schema.Class<AuditIntent>("AuditIntent")({
  action: Schema.NonEmptyTrimmedString,
  actor: Actor,
  outcome: Schema.NonEmptyTrimmedString,
  target: Schema.optional(AuditTarget),
  tenantId: Schema.optional(TenantId),
  reason: Schema.optional(Schema.String),
  details: Schema.optional(JsonObject)
}) {}

/** An audit intent as recorded: with its id (the idempotency key at the audit log) and time. */
export class AuditRecord extends Schema.TaggedClass<AuditRecord>()("AuditRecord", {
  id: IntentId,
  occurredAt: Schema.DateTimeUtc,
  intent: AuditIntent
}) {}
