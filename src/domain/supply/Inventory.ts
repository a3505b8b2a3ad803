/**
 * The textbook inventory formulas (Silver, Pyke & Peterson; Heizer & Render), as pure functions
 * on real numbers; whole-unit results round up with a tolerance for floating-point noise.
 */

const EPSILON = 1e-9

/** The smallest whole number ≥ x, ignoring floating-point noise (95.99999999997 → 96). */
export const ceilWhole = (x: number): number => Math.ceil(x - EPSILON * Math.max(1, Math.abs(x)))

/** `quantity` rounded up to a multiple of `multiple` (≥ 1). */
export const roundUpToMultiple = (quantity: number, multiple: number): number => Math.ceil(quantity / multiple) * multiple

/**
 * The standard deviation of demand over the lead time, for a daily demand d with standard
 * deviation σd and a lead time L with standard deviation σL: √(L·σd² + d²·σL²).
 */
export const leadTimeDeviation = (demandPerDay: number, sigmaPerDay: number, leadTimeDays: number, leadTimeStdDevDays: number): number =>
  Math.sqrt(leadTimeDays * sigmaPerDay * sigmaPerDay + demandPerDay * demandPerDay * leadTimeStdDevDays * leadTimeStdDevDays)

/** Safety stock z·σ over the lead time. */
export const safetyStock = (z: number, sigmaOverLeadTime: number): number => z * sigmaOverLeadTime

/** Reorder point: demand over the lead time plus safety stock, d·L + SS, in whole units (rounded up). */
export const reorderPoint = (demandPerDay: number, leadTimeDays: number, safety: number): number =>
  ceilWhole(demandPerDay * leadTimeDays + safety)

/**
 * Economic order quantity √(2·D·S / H): D annual demand, S cost per order, H holding cost per
 * unit per year (S and H in the same money unit). Null when H is zero (holding costs nothing).
 */
export const economicOrderQuantity = (annualDemand: number, orderingCost: number, holdingCostPerUnitYear: number): number | null =>
  holdingCostPerUnitYear > 0 ? Math.sqrt((2 * annualDemand * orderingCost) / holdingCostPerUnitYear) : null

/** Order quantity: the larger of the EOQ (rounded up) and the vendor's minimum, rounded up to the pack size. */
export const orderQuantity = (eoq: number | null, minimumOrderQuantity: number, packSize: number): number =>
  roundUpToMultiple(Math.max(1, eoq === null ? 0 : ceilWhole(eoq), minimumOrderQuantity), packSize)

/** The least number of order quantities that lifts the inventory position above the reorder point (at least one). */
export const ordersNeeded = (inventoryPosition: number, reorderPointUnits: number, quantity: number): number =>
  Math.max(1, Math.floor((reorderPointUnits - inventoryPosition) / quantity) + 1)
