import { DateTime, Option } from "effect"
import { Dropship, DropshipLine, purchaseOrderIdOf } from "../../src/domain/fulfilment/Dropship.js"
import { CustomerId, SalesOrderId } from "../../src/domain/supply/Ids.js"
import { Money } from "../../src/domain/supply/Money.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { address, eur, sku, vendorId } from "./SupplyFixtures.js"

/** Small builders of dropship records for tests. */

export const at = (iso: string) => DateTime.unsafeMake(iso) as DateTime.Utc

export const line = (fields: Partial<ConstructorParameters<typeof DropshipLine>[0]> = {}) =>
  new DropshipLine({
    sku: sku("BIKE"),
    quantity: 5,
    unitPrice: 250,
    unitCost: new Money({ amount: 150, currency: eur }),
    currency: eur,
    vendorId: vendorId("VEL"),
    customerId: CustomerId.make("C-1"),
    shipTo: address,
    leadTimeDays: 3,
    overdueAfterMillis: 3 * 86_400_000,
    atRiskAfterMillis: 2 * 86_400_000,
    ...fields
  })

export const dropship = (tenant: string, salesOrderId: string, lineNo: number, fields: Partial<ConstructorParameters<typeof Dropship>[0]> = {}) =>
  new Dropship({
    tenantId: TenantId.make(tenant),
    salesOrderId: SalesOrderId.make(salesOrderId),
    lineNo,
    purchaseOrderId: Option.getOrThrow(purchaseOrderIdOf(SalesOrderId.make(salesOrderId), lineNo)),
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
