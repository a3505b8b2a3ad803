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

/** Supply data as the HTTP API loads it: vendor VEL dropships BIKE (lead time 2 days, 600.00 EUR); sales order S-1 line 1 (5 BIKE) is a dropship line, line 2 a stock line. */
export const supplyData = {
  items: [{ sku: "BIKE", name: "Gravel bike", unitOfMeasure: "pc", packSize: 1, transferLotSize: 1, returnable: true, unitWeightGrams: 12_000, unitVolumeCm3: 90_000 }],
  warehouses: [{ id: "AMS", name: "Amsterdam" }],
  vendors: [{ id: "VEL", name: "Velo Direct", leadTimeDays: 2, leadTimeStdDevDays: 0, dropships: true }],
  terms: [{ vendorId: "VEL", sku: "BIKE", unitPrice: { amount: 60_000, currency: "EUR" }, minimumOrderQuantity: 0, priority: 1 }],
  salesOrders: [{
    id: "S-1",
    customerId: "C-1",
    customerName: "Ada Lovelace",
    shipTo: { name: "Ada Lovelace", line1: "1 Analytical Way", city: "London", postalCode: "N1 9GU", country: "GB" },
    status: "open",
    currency: "EUR",
    orderedOn: "2025-03-01",
    lines: [
      { lineNo: 1, sku: "BIKE", quantity: 5, unitPrice: 99_000, promisedOn: "2025-03-10", dropship: true, vendorId: "VEL" },
      { lineNo: 2, sku: "BIKE", quantity: 1, unitPrice: 99_000, promisedOn: "2025-03-10", dropship: false, warehouseId: "AMS" }
    ],
    shipments: []
  }]
}
