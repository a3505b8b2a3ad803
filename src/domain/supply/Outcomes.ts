import { Schema } from "effect"
import { Issue } from "../shared/Outcomes.js"
import { ItemBalance } from "./Balancing.js"
import { Day } from "./Calendar.js"
import { PurchaseOrder, Receipt } from "./Documents.js"
import { CostDocumentId, ReceiptId, Sku, WarehouseId } from "./Ids.js"
import { DocumentAllocation } from "./LandedCost.js"
import { ItemValuation } from "./Ledger.js"
import { Item } from "./MasterData.js"
import { Suggestion } from "./Replenishment.js"
import { TransferOrder } from "./TransferOrder.js"

/** An item that could not be planned, and why (no vendor terms, an unknown vendor, …). */
export class Skipped extends Schema.Class<Skipped>("Skipped")({ sku: Sku, reason: Schema.String }) {}

/** Replenishment suggestions for a warehouse, each with the numbers that produced it. */
export class Suggestions extends Schema.TaggedClass<Suggestions>()("Suggestions", {
  warehouseId: WarehouseId,
  today: Day,
  reviewed: Schema.Int,
  suggestions: Schema.Array(Suggestion),
  skipped: Schema.Array(Skipped)
}) {}

/** Every item of the warehouse is above its reorder point (or could not be planned): nothing to order. */
export class NothingToSuggest extends Schema.TaggedClass<NothingToSuggest>()("NothingToSuggest", {
  warehouseId: WarehouseId,
  today: Day,
  reviewed: Schema.Int,
  skipped: Schema.Array(Skipped)
}) {}

/** Approved suggestions became draft purchase orders, one per vendor. */
export class PurchaseOrdersDrafted extends Schema.TaggedClass<PurchaseOrdersDrafted>()("PurchaseOrdersDrafted", {
  orders: Schema.Array(PurchaseOrder)
}) {}

/** Transfer proposals across the network, item by item, with the numbers behind them. */
export class BalancingProposals extends Schema.TaggedClass<BalancingProposals>()("BalancingProposals", {
  today: Day,
  items: Schema.Array(ItemBalance)
}) {}

/** No warehouse is outside the band around the network's cover, or no surplus can reach a deficit. */
export class NothingToBalance extends Schema.TaggedClass<NothingToBalance>()("NothingToBalance", {
  today: Day,
  reviewed: Schema.Int
}) {}

/** Approved proposals became transfer orders, their quantities reserved at the sources. */
export class TransfersReserved extends Schema.TaggedClass<TransfersReserved>()("TransfersReserved", {
  transfers: Schema.Array(TransferOrder)
}) {}

export class TransferShipped extends Schema.TaggedClass<TransferShipped>()("TransferShipped", { transfer: TransferOrder }) {}
export class TransferReceived extends Schema.TaggedClass<TransferReceived>()("TransferReceived", { transfer: TransferOrder }) {}
export class TransferReleased extends Schema.TaggedClass<TransferReleased>()("TransferReleased", { transfer: TransferOrder }) {}

/** The source no longer holds the reserved quantity (a count found less): the shipment is refused and the reservation released. */
export class ShipmentRefused extends Schema.TaggedClass<ShipmentRefused>()("ShipmentRefused", {
  transfer: TransferOrder,
  available: Schema.Int
}) {}

/** Cost documents that cannot be capitalised on the receipt, with every reason. */
export class InvalidCostDocument extends Schema.TaggedClass<InvalidCostDocument>()("InvalidCostDocument", {
  issues: Schema.Array(Issue)
}) {}

/** These cost documents were capitalised before: nothing was posted (a document is capitalised once). */
export class AlreadyCapitalised extends Schema.TaggedClass<AlreadyCapitalised>()("AlreadyCapitalised", {
  receiptId: ReceiptId,
  documentIds: Schema.Array(CostDocumentId)
}) {}

/** A receipt was posted: stock in, purchase order received, valuations updated. */
export class ReceiptPosted extends Schema.TaggedClass<ReceiptPosted>()("ReceiptPosted", {
  receipt: Receipt,
  valuations: Schema.Array(ItemValuation)
}) {}

/** A receipt with this id was posted before: nothing changed. */
export class AlreadyPosted extends Schema.TaggedClass<AlreadyPosted>()("AlreadyPosted", { receiptId: ReceiptId }) {}

/** A data set was loaded: how many records of each kind. */
export class SupplyDataLoaded extends Schema.TaggedClass<SupplyDataLoaded>()("SupplyDataLoaded", {
  counts: Schema.Record({ key: Schema.String, value: Schema.Int })
}) {}

/** An item's stock at a warehouse, with what transfers hold there. */
export class StockLine extends Schema.Class<StockLine>("StockLine")({
  sku: Sku,
  warehouseId: WarehouseId,
  onHand: Schema.Int,
  reservedForTransfers: Schema.Int
}) {}

/** An item's moving-average valuation, its unit cost as an exact decimal. */
export class ValuationLine extends Schema.Class<ValuationLine>("ValuationLine")({
  valuation: ItemValuation,
  averageUnitCost: Schema.NullOr(Schema.String)
}) {}

export class StockReport extends Schema.TaggedClass<StockReport>()("StockReport", {
  stock: Schema.Array(StockLine),
  valuations: Schema.Array(ValuationLine)
}) {}

export class ItemList extends Schema.TaggedClass<ItemList>()("ItemList", { items: Schema.Array(Item) }) {}
export class PurchaseOrderList extends Schema.TaggedClass<PurchaseOrderList>()("PurchaseOrderList", { orders: Schema.Array(PurchaseOrder) }) {}
export class TransferList extends Schema.TaggedClass<TransferList>()("TransferList", { transfers: Schema.Array(TransferOrder) }) {}

/** A posted receipt with the cost documents capitalised on it. */
export class ReceiptView extends Schema.TaggedClass<ReceiptView>()("ReceiptView", {
  receipt: Receipt,
  landedCosts: Schema.Array(DocumentAllocation)
}) {}
