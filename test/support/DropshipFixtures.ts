import { DateTime } from "effect"
import { Dropship, DropshipLine, purchaseOrderIdOf } from "../../src/domain/fulfilment/Dropship.js"
import { CustomerId, SalesOrderId } from "../../src/domain/supply/Ids.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { eur, sku, vendorId } from "./SupplyFixtures.js"

/** Small builders of dropship records for tests. */

export const at = (iso: string) => DateTime.unsafeMake(iso) as DateTime.Utc

export const line = (fields: Partial<ConstructorParameters<typeof DropshipLine>[0]> = {}) =>
  new DropshipLine({
    sku: sku("BIKE"),
    quantity: 5,
    unitPrice: 250,
    unitCost: 150,
    currency: eur,
    vendorId: vendorId("VEL"),
    customerId: CustomerId.make("C-1"),
    leadTimeDays: 3,
    ...fields
  })

export const dropship = (tenant: string, salesOrderId: string, lineNo: number, fields: Partial<ConstructorParameters<typeof Dropship>[0]> = {}) =>
  new Dropship({
    tenantId: TenantId.make(tenant),
    salesOrderId: SalesOrderId.make(salesOrderId),
    lineNo,
    purchaseOrderId: purchaseOrderIdOf(SalesOrderId.make(salesOrderId), lineNo),
    line: line(),
    state: "Placing",
    escalation: "none",
    shipments: [],
    signals: 0,
    history: [],
    createdAt: at("2025-03-01T10:00:00Z"),
    updatedAt: at("2025-03-01T10:00:00Z"),
    version: 0,
    ...fields
  })
