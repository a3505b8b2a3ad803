import { Schema } from "effect"

/**
 * Identifiers of the supply context. Master data is keyed by the tenant's own codes (an item by
 * its SKU, a warehouse and a vendor by their codes), so that imports are idempotent and a host
 * can bridge the ports to its ERP; documents (orders, receipts) carry their document numbers.
 */
const Code = (brand: string, max = 64) =>
  Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(max), Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/), Schema.brand(brand))

export const Sku = Code("Sku")
export type Sku = typeof Sku.Type

export const WarehouseId = Code("WarehouseId")
export type WarehouseId = typeof WarehouseId.Type

export const VendorId = Code("VendorId")
export type VendorId = typeof VendorId.Type

export const CustomerId = Code("CustomerId")
export type CustomerId = typeof CustomerId.Type

export const PurchaseOrderId = Code("PurchaseOrderId", 80)
export type PurchaseOrderId = typeof PurchaseOrderId.Type

export const SalesOrderId = Code("SalesOrderId", 80)
export type SalesOrderId = typeof SalesOrderId.Type

export const ReceiptId = Code("ReceiptId", 80)
export type ReceiptId = typeof ReceiptId.Type

export const TransferOrderId = Code("TransferOrderId", 80)
export type TransferOrderId = typeof TransferOrderId.Type

export const CostDocumentId = Code("CostDocumentId", 80)
export type CostDocumentId = typeof CostDocumentId.Type

export const ReceivableId = Code("ReceivableId", 80)
export type ReceivableId = typeof ReceivableId.Type
