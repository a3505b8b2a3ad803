import { Context, type Effect, type Option } from "effect"
import type { Day } from "../../domain/supply/Calendar.js"
import type { PurchaseOrder, PurchaseOrderStatus, Receipt } from "../../domain/supply/Documents.js"
import type { CostDocumentId, PurchaseOrderId, ReceiptId, Sku, VendorId, WarehouseId } from "../../domain/supply/Ids.js"
import type { DocumentAllocation } from "../../domain/supply/LandedCost.js"
import type { SupplyTerms, Vendor } from "../../domain/supply/MasterData.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Vendors, their terms, purchase orders, goods receipts and the landed costs capitalised on them. */
export class Procurement extends Context.Tag("baton/supply/Procurement")<Procurement, {
  /** Adds vendors, or replaces those whose id exists. */
  readonly putVendors: (tenant: TenantId, vendors: ReadonlyArray<Vendor>) => Effect.Effect<void, RepositoryError>
  /** The tenant's vendors by id; only those listed when `ids` is given. */
  readonly vendors: (tenant: TenantId, ids?: ReadonlyArray<VendorId>) => Effect.Effect<ReadonlyArray<Vendor>, RepositoryError>
  /** Adds supply terms, or replaces those of the same vendor and item. */
  readonly putTerms: (tenant: TenantId, terms: ReadonlyArray<SupplyTerms>) => Effect.Effect<void, RepositoryError>
  /** Supply terms ordered by SKU then priority; only for `skus` when given. */
  readonly terms: (tenant: TenantId, skus?: ReadonlyArray<Sku>) => Effect.Effect<ReadonlyArray<SupplyTerms>, RepositoryError>
  /** Adds purchase orders, or replaces those whose id exists (header and every line). */
  readonly putPurchaseOrders: (tenant: TenantId, orders: ReadonlyArray<PurchaseOrder>) => Effect.Effect<void, RepositoryError>
  readonly purchaseOrder: (tenant: TenantId, id: PurchaseOrderId) => Effect.Effect<Option.Option<PurchaseOrder>, RepositoryError>
  /**
   * Purchase orders by id, narrowed to the given statuses, to those delivering into
   * `warehouseId`, and to those with a line for one of `skus`.
   */
  readonly purchaseOrders: (
    tenant: TenantId,
    filter: {
      readonly statuses?: ReadonlyArray<PurchaseOrderStatus>
      readonly warehouseId?: WarehouseId
      readonly skus?: ReadonlyArray<Sku>
    }
  ) => Effect.Effect<ReadonlyArray<PurchaseOrder>, RepositoryError>
  /** Records a posted receipt; `false` (nothing written) when its id exists. */
  readonly recordReceipt: (tenant: TenantId, receipt: Receipt) => Effect.Effect<boolean, RepositoryError>
  readonly receipt: (tenant: TenantId, id: ReceiptId) => Effect.Effect<Option.Option<Receipt>, RepositoryError>
  /**
   * Records the allocations of capitalised cost documents. A document id is recorded once per
   * tenant: returns the ids recorded now, leaving out (and not changing) those recorded before.
   */
  readonly recordAllocations: (
    tenant: TenantId,
    allocations: ReadonlyArray<DocumentAllocation>,
    on: Day
  ) => Effect.Effect<ReadonlyArray<CostDocumentId>, RepositoryError>
  /** Recorded allocations of a receipt, or of the listed documents, in the order recorded. */
  readonly allocations: (
    tenant: TenantId,
    filter: { readonly receiptId?: ReceiptId; readonly documentIds?: ReadonlyArray<CostDocumentId> }
  ) => Effect.Effect<ReadonlyArray<DocumentAllocation>, RepositoryError>
}>() {}
