import { Either, Schema } from "effect"
import { ContractViolation } from "../shared/Defects.js"
import { Issue } from "../shared/Outcomes.js"
import type { ItemBalance } from "./Balancing.js"
import { addDays, type Day } from "./Calendar.js"
import { PurchaseOrder, PurchaseOrderLine, ToWarehouse } from "./Documents.js"
import { PurchaseOrderId, Sku, TransferOrderId } from "./Ids.js"
import { PositiveQuantity } from "./MasterData.js"
import type { Suggestion } from "./Replenishment.js"
import { TransferOrder } from "./TransferOrder.js"

/** A suggestion to approve, with the planner's own quantity if they changed it. */
export const ApprovalLine = Schema.Struct({ sku: Sku, quantity: Schema.optional(PositiveQuantity) })
export type ApprovalLine = typeof ApprovalLine.Type

export interface Approved {
  readonly suggestion: Suggestion
  readonly quantity: number
}

/**
 * The suggestions to order: all of them, or those named (each must have a suggestion); a
 * changed quantity must still be at least the vendor's minimum and a multiple of the pack.
 */
export const selectSuggestions = (
  suggestions: ReadonlyArray<Suggestion>,
  lines: ReadonlyArray<ApprovalLine> | undefined
): Either.Either<ReadonlyArray<Approved>, ReadonlyArray<Issue>> => {
  if (lines === undefined) return Either.right(suggestions.map((suggestion) => ({ suggestion, quantity: suggestion.quantity })))
  const issues: Array<Issue> = []
  const approved = lines.flatMap((line, i): ReadonlyArray<Approved> => {
    const suggestion = suggestions.find((s) => s.sku === line.sku)
    if (suggestion === undefined) return (issues.push(new Issue({ path: `lines[${i}].sku`, message: `no suggestion for ${line.sku}` })), [])
    if (lines.findIndex((l) => l.sku === line.sku) !== i) return (issues.push(new Issue({ path: `lines[${i}].sku`, message: `${line.sku} appears twice` })), [])
    const quantity = line.quantity ?? suggestion.quantity
    const { minimumOrderQuantity, packSize } = suggestion.explanation
    if (quantity < minimumOrderQuantity) issues.push(new Issue({ path: `lines[${i}].quantity`, message: `below the vendor's minimum of ${minimumOrderQuantity}` }))
    if (quantity % packSize !== 0) issues.push(new Issue({ path: `lines[${i}].quantity`, message: `not a multiple of the pack size ${packSize}` }))
    return [{ suggestion, quantity }]
  })
  return issues.length > 0 ? Either.left(issues) : Either.right(approved)
}

/** Groups approved suggestions into one draft purchase order per vendor and currency (`ids`: one per group, in vendor order). */
export const vendorGroups = (approved: ReadonlyArray<Approved>): ReadonlyArray<ReadonlyArray<Approved>> => {
  const groups = new Map<string, Array<Approved>>()
  for (const a of approved) {
    const key = `${a.suggestion.vendorId}\u0000${a.suggestion.unitPrice.currency}`
    groups.set(key, [...(groups.get(key) ?? []), a])
  }
  return [...groups.keys()].sort().map((key) => groups.get(key) ?? [])
}

export const draftPurchaseOrder = (id: string, group: ReadonlyArray<Approved>, today: Day): PurchaseOrder => {
  const first = group[0]
  if (first === undefined) throw new ContractViolation({ message: "draftPurchaseOrder: an empty group" })
  return new PurchaseOrder({
    id: PurchaseOrderId.make(id),
    vendorId: first.suggestion.vendorId,
    destination: new ToWarehouse({ warehouseId: first.suggestion.warehouseId }),
    status: "draft",
    origin: "replenishment",
    currency: first.suggestion.unitPrice.currency,
    orderedOn: today,
    lines: group.map((a, i) =>
      new PurchaseOrderLine({
        lineNo: i + 1,
        sku: a.suggestion.sku,
        quantity: a.quantity,
        receivedQuantity: 0,
        unitPrice: a.suggestion.unitPrice.amount,
        expectedOn: a.suggestion.expectedOn
      })
    ) as [PurchaseOrderLine, ...Array<PurchaseOrderLine>]
  })
}

/** Transfer orders for the proposals of the balances (`ids`: one per proposal, in order), reserved at their sources. */
export const reservedTransfers = (balances: ReadonlyArray<ItemBalance>, ids: ReadonlyArray<string>, today: Day, leadTimeDays: number) =>
  balances.flatMap((b) => b.proposals).map((p, i) =>
    new TransferOrder({
      id: TransferOrderId.make(ids[i] ?? `T-${i}`),
      sku: p.sku,
      from: p.from,
      to: p.to,
      quantity: p.quantity,
      status: "reserved",
      createdOn: today,
      expectedOn: addDays(today, leadTimeDays)
    })
  )
