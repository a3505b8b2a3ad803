import { Day } from "../../src/domain/supply/Calendar.js"
import {
  Address,
  PurchaseOrder,
  PurchaseOrderLine,
  Receipt,
  ReceiptLine,
  SalesOrder,
  SalesOrderLine,
  ToCustomer,
  ToWarehouse
} from "../../src/domain/supply/Documents.js"
import {
  CustomerId,
  PurchaseOrderId,
  ReceiptId,
  SalesOrderId,
  Sku,
  TransferOrderId,
  VendorId,
  WarehouseId
} from "../../src/domain/supply/Ids.js"
import { StockMovement, type MovementKind } from "../../src/domain/supply/Ledger.js"
import { Item, SupplyTerms, Vendor, Warehouse } from "../../src/domain/supply/MasterData.js"
import { CurrencyCode, Money } from "../../src/domain/supply/Money.js"
import { TransferOrder } from "../../src/domain/supply/TransferOrder.js"
import { TenantId } from "../../src/domain/shared/Ids.js"

/** Small builders of supply data for tests: sensible defaults, overridable fields. */

export const acme = TenantId.make("acme")
export const globex = TenantId.make("globex")
export const eur = CurrencyCode.make("EUR")
export const day = (s: string) => Day.make(s)
export const sku = (s: string) => Sku.make(s)
export const wh = (s: string) => WarehouseId.make(s)
export const vendorId = (s: string) => VendorId.make(s)

export const item = (code: string, fields: Partial<ConstructorParameters<typeof Item>[0]> = {}) =>
  new Item({
    sku: sku(code),
    name: `Item ${code}`,
    unitOfMeasure: "pc",
    packSize: 1,
    transferLotSize: 1,
    returnable: true,
    unitWeightGrams: 100,
    unitVolumeCm3: 50,
    ...fields
  })

export const warehouse = (id: string) => new Warehouse({ id: wh(id), name: `Warehouse ${id}` })

export const vendor = (id: string, fields: Partial<ConstructorParameters<typeof Vendor>[0]> = {}) =>
  new Vendor({ id: vendorId(id), name: `Vendor ${id}`, leadTimeDays: 7, leadTimeStdDevDays: 0, dropships: false, ...fields })

export const terms = (vendor: string, code: string, unitPrice: number, fields: Partial<ConstructorParameters<typeof SupplyTerms>[0]> = {}) =>
  new SupplyTerms({
    vendorId: vendorId(vendor),
    sku: sku(code),
    unitPrice: new Money({ amount: unitPrice, currency: eur }),
    minimumOrderQuantity: 0,
    priority: 1,
    ...fields
  })

export const poLine = (lineNo: number, code: string, quantity: number, expectedOn: string, fields: Partial<ConstructorParameters<typeof PurchaseOrderLine>[0]> = {}) =>
  new PurchaseOrderLine({ lineNo, sku: sku(code), quantity, receivedQuantity: 0, unitPrice: 100, expectedOn: day(expectedOn), ...fields })

export const purchaseOrder = (id: string, warehouseId: string, lines: ReadonlyArray<PurchaseOrderLine>, fields: Partial<ConstructorParameters<typeof PurchaseOrder>[0]> = {}) =>
  new PurchaseOrder({
    id: PurchaseOrderId.make(id),
    vendorId: vendorId("ACME"),
    destination: new ToWarehouse({ warehouseId: wh(warehouseId) }),
    status: "confirmed",
    origin: "import",
    currency: eur,
    orderedOn: day("2025-03-01"),
    lines: lines as [PurchaseOrderLine, ...Array<PurchaseOrderLine>],
    ...fields
  })

export const address = new Address({ name: "Ada Lovelace", line1: "1 Analytical Way", city: "London", postalCode: "N1 9GU", country: "GB" })

export const dropshipTo = (salesOrderId: string, line: number) =>
  new ToCustomer({ customerId: CustomerId.make("C-1"), address, salesOrderId: SalesOrderId.make(salesOrderId), salesOrderLine: line })

export const soLine = (lineNo: number, code: string, quantity: number, promisedOn: string, warehouseId: string | undefined, fields: Partial<ConstructorParameters<typeof SalesOrderLine>[0]> = {}) =>
  new SalesOrderLine({
    lineNo,
    sku: sku(code),
    quantity,
    unitPrice: 250,
    promisedOn: day(promisedOn),
    dropship: warehouseId === undefined,
    ...(warehouseId === undefined ? { vendorId: vendorId("ACME") } : { warehouseId: wh(warehouseId) }),
    ...fields
  })

export const salesOrder = (id: string, lines: ReadonlyArray<SalesOrderLine>, fields: Partial<ConstructorParameters<typeof SalesOrder>[0]> = {}) =>
  new SalesOrder({
    id: SalesOrderId.make(id),
    customerId: CustomerId.make("C-1"),
    customerName: "Ada Lovelace",
    shipTo: address,
    status: "open",
    currency: eur,
    orderedOn: day("2025-03-01"),
    lines: lines as [SalesOrderLine, ...Array<SalesOrderLine>],
    shipments: [],
    ...fields
  })

export const receiptLine = (lineNo: number, code: string, quantity: number, unitCost: number, fields: Partial<ConstructorParameters<typeof ReceiptLine>[0]> = {}) =>
  new ReceiptLine({ lineNo, sku: sku(code), quantity, unitCost, weightGrams: quantity * 100, volumeCm3: quantity * 50, ...fields })

export const receipt = (id: string, warehouseId: string, lines: ReadonlyArray<ReceiptLine>, fields: Partial<ConstructorParameters<typeof Receipt>[0]> = {}) =>
  new Receipt({
    id: ReceiptId.make(id),
    warehouseId: wh(warehouseId),
    vendorId: vendorId("ACME"),
    currency: eur,
    receivedOn: day("2025-03-02"),
    lines: lines as [ReceiptLine, ...Array<ReceiptLine>],
    ...fields
  })

export const movement = (code: string, warehouseId: string, quantity: number, kind: MovementKind, reference: string, unitCost?: number) =>
  new StockMovement({
    sku: sku(code),
    warehouseId: wh(warehouseId),
    quantity,
    kind,
    reference,
    occurredOn: day("2025-03-01"),
    ...(unitCost === undefined ? {} : { unitCost })
  })

export const transfer = (id: string, code: string, from: string, to: string, quantity: number, fields: Partial<ConstructorParameters<typeof TransferOrder>[0]> = {}) =>
  new TransferOrder({
    id: TransferOrderId.make(id),
    sku: sku(code),
    from: wh(from),
    to: wh(to),
    quantity,
    status: "reserved",
    createdOn: day("2025-03-03"),
    expectedOn: day("2025-03-05"),
    ...fields
  })
