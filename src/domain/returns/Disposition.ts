import { Either } from "effect"
import { type Day, daysBetween } from "../supply/Calendar.js"
import { StockMovement } from "../supply/Ledger.js"
import type { WarehouseId } from "../supply/Ids.js"
import type { Condition, Disposition, Resolution, Rma, SettledState } from "./Rma.js"
import { RmaInspection } from "./Rma.js"

/** Whether a defective item may go back to its vendor: a vendor is known and the warranty from delivery still runs. */
export const underWarranty = (rma: Pick<Rma, "vendorId" | "deliveredOn">, today: Day, warrantyDays: number): boolean =>
  rma.vendorId !== undefined && rma.deliveredOn !== undefined && daysBetween(rma.deliveredOn, today) <= warrantyDays

/** The disposition the rules give: resellable → restock; defective under vendor warranty → return to vendor; otherwise scrap. */
export const ruledDisposition = (condition: Condition, warranty: boolean): Disposition =>
  condition === "resellable" ? "restock" : condition === "defective" && warranty ? "return-to-vendor" : "scrap"

/** An inspector's override of the ruled disposition; its reason is required (and audited). */
export interface Override {
  readonly disposition: Disposition
  readonly reason: string
}

/** The inspection: the ruled disposition, or the override when one is given with a reason (an empty reason is refused). */
export const inspect = (
  condition: Condition,
  warranty: boolean,
  inspectedOn: Day,
  override: Override | undefined
): Either.Either<RmaInspection, string> => {
  const ruled = ruledDisposition(condition, warranty)
  if (override === undefined || override.disposition === ruled) return Either.right(new RmaInspection({ condition, disposition: ruled, ruled, inspectedOn }))
  if (override.reason.trim() === "") return Either.left("overriding the disposition needs a reason")
  return Either.right(new RmaInspection({ condition, disposition: override.disposition, ruled, overrideReason: override.reason.trim(), inspectedOn }))
}

/** The state an inspected RMA settles in: what happened to the goods, or, restocked, what the customer got. */
export const settledState = (disposition: Disposition, resolution: Resolution): SettledState =>
  disposition === "return-to-vendor" ? "ReturnedToVendor" : disposition === "scrap" ? "Scrapped" : resolution === "refund" ? "Refunded" : "Replaced"

/** The ledger reference of an RMA's stock movements: one posting per RMA. */
export const stockReference = (rma: Pick<Rma, "id">): string => `rma:${rma.id}`

/** The idempotency key of an RMA's credit note. */
export const refundKey = (rma: Pick<Rma, "id">): string => `rma:${rma.id}:refund`

/**
 * The stock movements of a disposition, at the warehouse that received the goods: the
 * customer return comes in; then it stays (restock), goes back to the vendor, or is scrapped.
 * `unitCost` values the return when there is no stock to average.
 */
export const dispositionMovements = (
  rma: Pick<Rma, "id" | "sku" | "quantity">,
  disposition: Disposition,
  warehouseId: WarehouseId,
  on: Day,
  unitCost: number | undefined
): ReadonlyArray<StockMovement> => {
  const base = { sku: rma.sku, warehouseId, reference: stockReference(rma), occurredOn: on }
  const back = new StockMovement({ ...base, quantity: rma.quantity, kind: "customer-return", ...(unitCost === undefined ? {} : { unitCost }) })
  if (disposition === "restock") return [back]
  return [back, new StockMovement({ ...base, quantity: -rma.quantity, kind: disposition === "scrap" ? "scrap" : "vendor-return" })]
}
