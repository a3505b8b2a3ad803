import type { AuditIntent } from "../audit/AuditIntent.js"
import { tenantAudit } from "../identity/TenantIntents.js"
import { CustomerAudience, NotificationIntent, OperationsAudience, VendorAudience } from "../notifications/NotificationIntent.js"
import type { Actor } from "../shared/Actor.js"
import type { JsonObject } from "../shared/Json.js"
import type { Address } from "../supply/Documents.js"
import type { SalesOrderId } from "../supply/Ids.js"
import type { TenantId } from "../shared/Ids.js"
import { type Dropship, remainingOf } from "./Dropship.js"

/** Which line: tenant, sales order, line number (a `Dropship` is one). */
export interface LineRef {
  readonly tenantId: TenantId
  readonly salesOrderId: SalesOrderId
  readonly lineNo: number
}

const ref = (d: LineRef) => `${d.salesOrderId}/${d.lineNo}`

/** An audit intent about a dropship line. */
export const dropshipAudit = (action: string, actor: Actor, d: LineRef, outcome: string, details?: JsonObject): AuditIntent =>
  tenantAudit(action, actor, outcome, d.tenantId, { target: { type: "dropship", id: ref(d) }, ...(details === undefined ? {} : { details }) })

const toVendor = (kind: string, d: Dropship, data: JsonObject) =>
  new NotificationIntent({
    kind,
    category: "operations",
    audience: new VendorAudience({ vendorId: d.line.vendorId }),
    tenantId: d.tenantId,
    data: { purchaseOrderId: d.purchaseOrderId, vendorId: d.line.vendorId, sku: d.line.sku, ...data }
  })

const callback = (token: string): JsonObject => ({ callbackToken: token, callbackUrl: `/vendor-callbacks/dropship/${token}` })

/** The purchase order to the vendor: ship to the customer; confirm through the callback with this single-use token. */
export const purchaseOrderToVendor = (d: Dropship, shipTo: Address, token: string) =>
  toVendor("supply.dropship.purchaseOrder", d, {
    quantity: d.line.quantity,
    unitCost: { amount: d.line.unitCost.amount, currency: d.line.unitCost.currency },
    shipTo: { name: shipTo.name, line1: shipTo.line1, city: shipTo.city, postalCode: shipTo.postalCode, country: shipTo.country },
    ...callback(token)
  })

/** After a partial shipment: the quantity still to ship and the new token to confirm it with. */
export const remainderToVendor = (d: Dropship, token: string) =>
  toVendor("supply.dropship.remaining", d, { remaining: remainingOf(d), ...callback(token) })

/** The purchase order is cancelled: do not ship. */
export const cancellationToVendor = (d: Dropship) => toVendor("supply.dropship.cancelled", d, { reason: d.reason ?? "cancelled" })

/** The vendor's promised lead time passed without the full confirmation. */
export const overdueNotice = (d: Dropship) =>
  new NotificationIntent({
    kind: "supply.dropship.overdue",
    category: "operations",
    audience: new OperationsAudience(),
    tenantId: d.tenantId,
    data: { tenant: d.tenantId, dropship: ref(d), vendorId: d.line.vendorId, remaining: remainingOf(d) }
  })

/** The vendor refused the purchase order. */
export const rejectionNotice = (d: Dropship) =>
  new NotificationIntent({
    kind: "supply.dropship.rejected",
    category: "operations",
    audience: new OperationsAudience(),
    tenantId: d.tenantId,
    data: { tenant: d.tenantId, dropship: ref(d), vendorId: d.line.vendorId, reason: d.reason ?? "" }
  })

/** The customer's line is at risk of arriving late. */
export const atRiskToCustomer = (d: Dropship) =>
  new NotificationIntent({
    kind: "supply.dropship.atRisk",
    category: "info",
    audience: new CustomerAudience({ customerId: d.line.customerId }),
    tenantId: d.tenantId,
    data: { salesOrderId: d.salesOrderId, lineNo: d.lineNo, sku: d.line.sku, remaining: remainingOf(d) }
  })
