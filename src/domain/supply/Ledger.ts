import { Schema } from "effect"
import { Day } from "./Calendar.js"
import { Sku, WarehouseId } from "./Ids.js"
import { CurrencyCode, exponentOf, formatDecimal, MinorUnits } from "./Money.js"

/**
 * Kinds of stock movement. Inbound: `receipt` (from a vendor), `customer-return`, `transfer-in`,
 * a positive `adjustment`. Outbound: `shipment` (to a customer), `vendor-return`, `scrap`,
 * `transfer-out`, a negative `adjustment`. Transfers move stock between warehouses and leave
 * the tenant's valuation alone.
 */
export const MovementKind = Schema.Literal(
  "receipt",
  "shipment",
  "adjustment",
  "transfer-out",
  "transfer-in",
  "customer-return",
  "vendor-return",
  "scrap"
)
export type MovementKind = typeof MovementKind.Type

const inbound: ReadonlySet<MovementKind> = new Set(["receipt", "customer-return", "transfer-in"])
const outbound: ReadonlySet<MovementKind> = new Set(["shipment", "vendor-return", "scrap", "transfer-out"])

/** Whether a movement's sign fits its kind (adjustments go either way, never zero). */
export const signFits = (kind: MovementKind, quantity: number): boolean =>
  quantity !== 0 && (inbound.has(kind) ? quantity > 0 : outbound.has(kind) ? quantity < 0 : true)

/** Transfers move stock inside the tenant: they change no valuation. */
export const isTransfer = (kind: MovementKind): boolean => kind === "transfer-in" || kind === "transfer-out"

/**
 * A line of the inventory ledger: a signed whole quantity of an item into (+) or out of (−) a
 * warehouse. `unitCost` values an inbound movement (a receipt's price); outbound movements and
 * inbound ones without it are valued at the moving-average cost. `reference` names the
 * document (`receipt:R-1/2`, `transfer:T-9`, `sales-order:S-3/1`, `rma:…`).
 */
export class StockMovement extends Schema.Class<StockMovement>("StockMovement")({
  sku: Sku,
  warehouseId: WarehouseId,
  quantity: Schema.Int,
  kind: MovementKind,
  reference: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  occurredOn: Day,
  unitCost: Schema.optional(MinorUnits.pipe(Schema.nonNegative()))
}) {}

/** A ledger line as stored: with its position in the tenant's ledger (increasing). */
export class PostedMovement extends Schema.Class<PostedMovement>("PostedMovement")({
  sequence: Schema.Int,
  movement: StockMovement
}) {}

/**
 * The moving-average (AVCO) valuation of an item across the tenant: total quantity and total
 * value in minor units. The unit cost is their exact ratio; it is never stored rounded.
 */
export class ItemValuation extends Schema.Class<ItemValuation>("ItemValuation")({
  sku: Sku,
  currency: CurrencyCode,
  quantity: Schema.Int,
  value: MinorUnits
}) {}

/**
 * The unit cost value/quantity in major units, rounded half up to four more decimals than the
 * currency has (`1000` EUR cents over 3 units → `"3.333333"`); null without stock.
 */
export const averageUnitCost = (valuation: { readonly quantity: number; readonly value: number; readonly currency: CurrencyCode }): string | null => {
  if (valuation.quantity <= 0) return null
  const quantity = BigInt(valuation.quantity)
  const scaled = (BigInt(valuation.value) * 20_000n + quantity) / (2n * quantity)
  return formatDecimal(scaled, exponentOf(valuation.currency) + 4)
}

/** Which account a valuation entry moves value between: inventory and cost of goods sold. */
export const ValuationKind = Schema.Literal("receipt", "issue", "adjustment", "landed-cost", "return")
export type ValuationKind = typeof ValuationKind.Type

/**
 * A line of the valuation journal: how a movement or a landed cost changed the value of
 * inventory and of cost of goods sold (COGS), in minor units. Append-only.
 */
export class ValuationEntry extends Schema.Class<ValuationEntry>("ValuationEntry")({
  sku: Sku,
  kind: ValuationKind,
  quantity: Schema.Int,
  inventory: MinorUnits,
  cogs: MinorUnits,
  currency: CurrencyCode,
  reference: Schema.String,
  occurredOn: Day
}) {}

/** How many units of an item a warehouse holds: the sum of its ledger movements. */
export class StockLevel extends Schema.Class<StockLevel>("StockLevel")({
  sku: Sku,
  warehouseId: WarehouseId,
  onHand: Schema.Int
}) {}

/** Demand of one day for an item at a warehouse (what customers asked for, shipped or not). */
export class DemandRecord extends Schema.Class<DemandRecord>("DemandRecord")({
  sku: Sku,
  warehouseId: WarehouseId,
  day: Day,
  quantity: Schema.Int.pipe(Schema.nonNegative())
}) {}
