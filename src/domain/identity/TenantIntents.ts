import { AuditIntent, AuditTarget } from "../audit/AuditIntent.js"
import { NotificationIntent, OperationsAudience } from "../notifications/NotificationIntent.js"
import type { Actor } from "../shared/Actor.js"
import type { TenantId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"

/** An audit intent about something in a tenant (the tenant itself, a member, a role). */
export const tenantAudit = (
  action: string,
  actor: Actor,
  outcome: string,
  tenantId: TenantId,
  options: { readonly target?: { readonly type: string; readonly id: string }; readonly reason?: string; readonly details?: JsonObject } = {}
): AuditIntent =>
  new AuditIntent({
    action,
    actor,
    outcome,
    tenantId,
    target: new AuditTarget(options.target ?? { type: "tenant", id: tenantId }),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.details === undefined ? {} : { details: options.details })
  })

/** A notice to the platform's operators about a tenant. */
export const operationsNotice = (kind: string, tenantId: TenantId, data: JsonObject = {}): NotificationIntent =>
  new NotificationIntent({ kind, category: "operations", audience: new OperationsAudience(), tenantId, data: { tenant: tenantId, ...data } })
