import type { AuditIntent } from "../audit/AuditIntent.js"
import { tenantAudit } from "../identity/TenantIntents.js"
import type { Actor } from "../shared/Actor.js"
import type { TenantId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"

export { operationsNotice } from "../identity/TenantIntents.js"

/** An audit intent of the supply context, in a tenant, about a document when it has one (else the tenant). */
export const supplyAudit = (
  action: string,
  actor: Actor,
  tenantId: TenantId,
  outcome: string,
  options: { readonly target?: { readonly type: string; readonly id: string }; readonly reason?: string; readonly details?: JsonObject } = {}
): AuditIntent => tenantAudit(action, actor, outcome, tenantId, options)
