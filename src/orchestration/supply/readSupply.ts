import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { PurchaseOrderStatus } from "../../domain/supply/Documents.js"
import type { ReceiptId, Sku, WarehouseId } from "../../domain/supply/Ids.js"
import { averageUnitCost } from "../../domain/supply/Ledger.js"
import { ItemList, PurchaseOrderList, ReceiptView, StockLine, StockReport, TransferList, ValuationLine } from "../../domain/supply/Outcomes.js"
import { reservedAtSource, type TransferStatus } from "../../domain/supply/TransferOrder.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { Procurement } from "./Procurement.js"
import { Warehouses } from "./Warehouses.js"

const allowed = (actor: Actor, tenant: TenantId) => authorize(actor, "supply.read", AccessScope.tenant(tenant))

/** The tenant's items. `ItemList | Refusal`. */
export const listItems = fn("Supply.listItems")(function*(actor: Actor, tenant: TenantId) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  return new ItemList({ items: yield* (yield* InventoryLedger).items(tenant) })
})

/** On-hand per item and warehouse (with transfer reservations) and moving-average valuations. `StockReport | Refusal`. */
export const getStock = fn("Supply.getStock")(function*(
  actor: Actor,
  tenant: TenantId,
  filter: { readonly sku?: Sku | undefined; readonly warehouseId?: WarehouseId | undefined }
) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  const ledger = yield* InventoryLedger
  const skus = filter.sku === undefined ? undefined : [filter.sku]
  const levels = yield* ledger.onHand(tenant, { ...(skus === undefined ? {} : { skus }), ...(filter.warehouseId === undefined ? {} : { warehouseId: filter.warehouseId }) })
  const reserved = yield* (yield* Warehouses).transfers(tenant, { statuses: ["reserved"], ...(skus === undefined ? {} : { skus }) })
  const valuations = yield* ledger.valuations(tenant, [...new Set(levels.map((l) => l.sku))])
  return new StockReport({
    stock: levels.map((l) =>
      new StockLine({
        ...l,
        reservedForTransfers: reserved.filter((t) => t.sku === l.sku && t.from === l.warehouseId).reduce((total, t) => total + reservedAtSource(t), 0)
      })
    ),
    valuations: valuations.map((valuation) => new ValuationLine({ valuation, averageUnitCost: averageUnitCost(valuation) }))
  })
})

/** Purchase orders, narrowed to a status. `PurchaseOrderList | Refusal`. */
export const listPurchaseOrders = fn("Supply.listPurchaseOrders")(function*(actor: Actor, tenant: TenantId, status?: PurchaseOrderStatus) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  return new PurchaseOrderList({ orders: yield* (yield* Procurement).purchaseOrders(tenant, status === undefined ? {} : { statuses: [status] }) })
})

/** Transfer orders, narrowed to a status. `TransferList | Refusal`. */
export const listTransfers = fn("Supply.listTransfers")(function*(actor: Actor, tenant: TenantId, status?: TransferStatus) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  return new TransferList({ transfers: yield* (yield* Warehouses).transfers(tenant, status === undefined ? {} : { statuses: [status] }) })
})

/** A posted receipt with its capitalised landed costs. `ReceiptView | NotFound | Refusal`. */
export const getReceipt = fn("Supply.getReceipt")(function*(actor: Actor, tenant: TenantId, id: ReceiptId) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  const procurement = yield* Procurement
  const receipt = yield* procurement.receipt(tenant, id)
  if (Option.isNone(receipt)) return new NotFound({ entity: "receipt", id })
  return new ReceiptView({ receipt: receipt.value, landedCosts: yield* procurement.allocations(tenant, { receiptId: id }) })
})
