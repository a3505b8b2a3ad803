import { AuditIntent, AuditTarget } from "../audit/AuditIntent.js"
import { NotificationIntent, OperationsAudience } from "../notifications/NotificationIntent.js"
import type { Actor } from "../shared/Actor.js"
import type { TenantId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"

/** An audit intent of the supply context, in a tenant, about a document when it has one. */
export const supplyAudit = (
  action: string,
  actor: Actor,
  tenantId: TenantId,
  outcome: string,
  options: { readonly target?: { readonly type: string; readonly id: string }; readonly reason?: string; readonly details?: JsonObject } = {}
): AuditIntent =>
  new AuditIntent({
    action,
    actor,
    outcome,
    tenantId,
    ...(options.target === undefined ? {} : { target: new AuditTarget(options.target) }),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.details === undefined ? {} : { details: options.details })
  })

/** A notice to the tenant's operations (a shortfall found when shipping, …). */
export const operationsNotice = (kind: string, tenantId: TenantId, data: JsonObject): NotificationIntent =>
  new NotificationIntent({ kind, category: "operations", audience: new OperationsAudience(), tenantId, data })
