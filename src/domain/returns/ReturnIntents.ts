import type { AuditIntent } from "../audit/AuditIntent.js"
import { tenantAudit } from "../identity/TenantIntents.js"
import { CustomerAudience, NotificationIntent } from "../notifications/NotificationIntent.js"
import type { Actor } from "../shared/Actor.js"
import type { TenantId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"
import type { Rma, RmaId } from "./Rma.js"

/** An audit intent about an RMA of a tenant (`returns.request`, `returns.receive`, `returns.settle`, …). */
export const rmaAudit = (
  action: string,
  actor: Actor,
  tenantId: TenantId,
  rmaId: RmaId,
  outcome: string,
  options: { readonly reason?: string; readonly details?: JsonObject } = {}
): AuditIntent => tenantAudit(action, actor, outcome, tenantId, { target: { type: "rma", id: rmaId }, ...options })

/** A notice to the RMA's customer that it moved (`returns.authorized`, `returns.received`, `returns.refunded`, …). */
export const customerNotice = (kind: string, tenantId: TenantId, rma: Rma, data: JsonObject = {}): NotificationIntent =>
  new NotificationIntent({
    kind,
    category: "info",
    audience: new CustomerAudience({ customerId: rma.customerId }),
    tenantId,
    data: { rma: rma.id, salesOrder: rma.salesOrderId, line: rma.lineNo, sku: rma.sku, quantity: rma.quantity, state: rma.state, ...data }
  })
