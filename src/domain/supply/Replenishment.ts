import { Schema } from "effect"
import { addDays, Day } from "./Calendar.js"
import { DemandForecast, type ForecastParameters, forecastDemand } from "./DemandForecast.js"
import { Sku, VendorId, WarehouseId } from "./Ids.js"
import {
  economicOrderQuantity,
  leadTimeDeviation,
  orderQuantity,
  ordersNeeded,
  reorderPoint,
  safetyStock
} from "./Inventory.js"
import { Money } from "./Money.js"
import { normalQuantile } from "./NormalQuantile.js"

/** Stock position of an item in a warehouse: on hand + on order + inbound transfers − committed. */
export const InventoryPosition = Schema.Struct({
  onHand: Schema.Int,
  /** Open quantities of draft and confirmed purchase orders into the warehouse. */
  onOrder: Schema.Int,
  /** Transfers on their way into the warehouse (reserved or shipped). */
  inboundTransfers: Schema.Int,
  /** Open sales order lines shipping from the warehouse and transfers reserved out of it. */
  committed: Schema.Int,
  position: Schema.Int
})
export type InventoryPosition = typeof InventoryPosition.Type

export const positionOf = (parts: Omit<InventoryPosition, "position">): InventoryPosition => ({
  ...parts,
  position: parts.onHand + parts.onOrder + parts.inboundTransfers - parts.committed
})

/** Every number behind a suggestion. Money figures are in minor units of the vendor's currency. */
export const ReplenishmentExplanation = Schema.Struct({
  forecast: DemandForecast,
  serviceLevel: Schema.Number,
  z: Schema.Number,
  leadTimeDays: Schema.Number,
  leadTimeStdDevDays: Schema.Number,
  sigmaOverLeadTime: Schema.Number,
  safetyStock: Schema.Number,
  demandOverLeadTime: Schema.Number,
  reorderPoint: Schema.Int,
  annualDemand: Schema.Number,
  orderingCost: Schema.Number,
  holdingCostRate: Schema.Number,
  holdingCostPerUnitYear: Schema.Number,
  eoq: Schema.NullOr(Schema.Number),
  minimumOrderQuantity: Schema.Int,
  packSize: Schema.Int,
  orderQuantity: Schema.Int,
  orders: Schema.Int,
  position: InventoryPosition
})
export type ReplenishmentExplanation = typeof ReplenishmentExplanation.Type

/** A suggested purchase: order `quantity` from `vendorId`, expected `expectedOn` (today + lead time). */
export class Suggestion extends Schema.Class<Suggestion>("Suggestion")({
  sku: Sku,
  warehouseId: WarehouseId,
  vendorId: VendorId,
  quantity: Schema.Int,
  expectedOn: Day,
  unitPrice: Money,
  lineValue: Money,
  explanation: ReplenishmentExplanation
}) {}

export interface ReplenishmentParameters extends ForecastParameters {
  /** Cycle service level: the probability of no stock-out in a replenishment cycle (0.5 ≤ p < 1). */
  readonly serviceLevel: number
  /** Cost of placing one order, in minor units of the vendor's currency. */
  readonly orderingCost: number
  /** Annual holding cost as a fraction of the unit price (0.25 = 25 % a year). */
  readonly holdingCostRate: number
}

export interface ReplenishmentInput {
  readonly sku: Sku
  readonly warehouseId: WarehouseId
  readonly today: Day
  /** Daily demand, oldest first, ending yesterday. */
  readonly history: ArrayLike<number>
  readonly packSize: number
  readonly vendorId: VendorId
  readonly unitPrice: Money
  readonly minimumOrderQuantity: number
  readonly leadTimeDays: number
  readonly leadTimeStdDevDays: number
  readonly position: Omit<InventoryPosition, "position">
}

export const DAYS_PER_YEAR = 365

/**
 * Continuous review (s, nQ): forecast the demand, set the reorder point s = d·L + z·σ_L with z
 * = Φ⁻¹(service level), Q = max(EOQ, vendor minimum) rounded up to the pack size, and when the
 * inventory position is at or below s order the least multiple of Q that lifts it above s.
 * Without forecast demand an order is suggested only to cover a negative position. Returns the
 * suggestion, or the explanation of why none is needed.
 */
export const planReplenishment = (
  input: ReplenishmentInput,
  parameters: ReplenishmentParameters
): { readonly order: Suggestion | undefined; readonly explanation: ReplenishmentExplanation } => {
  const forecast = forecastDemand(input.history, parameters)
  const d = forecast.perDay
  const z = normalQuantile(parameters.serviceLevel)
  const sigmaOverLeadTime = leadTimeDeviation(d, forecast.sigmaPerDay, input.leadTimeDays, input.leadTimeStdDevDays)
  const safety = safetyStock(z, sigmaOverLeadTime)
  const rop = reorderPoint(d, input.leadTimeDays, safety)
  const annualDemand = d * DAYS_PER_YEAR
  const holdingCostPerUnitYear = input.unitPrice.amount * parameters.holdingCostRate
  const eoq = economicOrderQuantity(annualDemand, parameters.orderingCost, holdingCostPerUnitYear)
  const q = orderQuantity(eoq, input.minimumOrderQuantity, input.packSize)
  const position = positionOf(input.position)
  const due = position.position < 0 || (d > 0 && position.position <= rop)
  const orders = due ? ordersNeeded(position.position, rop, q) : 0
  const explanation: ReplenishmentExplanation = {
    forecast,
    serviceLevel: parameters.serviceLevel,
    z,
    leadTimeDays: input.leadTimeDays,
    leadTimeStdDevDays: input.leadTimeStdDevDays,
    sigmaOverLeadTime,
    safetyStock: safety,
    demandOverLeadTime: d * input.leadTimeDays,
    reorderPoint: rop,
    annualDemand,
    orderingCost: parameters.orderingCost,
    holdingCostRate: parameters.holdingCostRate,
    holdingCostPerUnitYear,
    eoq,
    minimumOrderQuantity: input.minimumOrderQuantity,
    packSize: input.packSize,
    orderQuantity: q,
    orders,
    position
  }
  if (!due) return { order: undefined, explanation }
  const quantity = q * orders
  const order = new Suggestion({
    sku: input.sku,
    warehouseId: input.warehouseId,
    vendorId: input.vendorId,
    quantity,
    expectedOn: addDays(input.today, Math.ceil(input.leadTimeDays)),
    unitPrice: input.unitPrice,
    lineValue: new Money({ amount: quantity * input.unitPrice.amount, currency: input.unitPrice.currency }, true),
    explanation
  }, true)
  return { order, explanation }
}
