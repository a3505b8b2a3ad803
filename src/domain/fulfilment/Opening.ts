import { type DateTime, Either, Option } from "effect"
import type { SalesOrder } from "../supply/Documents.js"
import { leadTimeOf, type SupplyTerms, type Vendor } from "../supply/MasterData.js"
import type { TenantId } from "../shared/Ids.js"
import { Dropship, DropshipLine, HistoryEntry, purchaseOrderIdOf } from "./Dropship.js"
import { NotDropshippable } from "./DropshipOutcomes.js"
import { delaysOf, type EscalationPolicy } from "./Escalation.js"

export interface Opening {
  readonly tenantId: TenantId
  readonly order: SalesOrder
  readonly lineNo: number
  /** The line's vendor, when the tenant has it. */
  readonly vendor: Option.Option<Vendor>
  /** The supply terms of the line's item (any vendor). */
  readonly terms: ReadonlyArray<SupplyTerms>
  readonly policy: EscalationPolicy
  readonly now: DateTime.Utc
}

const refuse = (reason: string) => Either.left(new NotDropshippable({ reason }))

/**
 * The fulfilment record that starts a dropship line, or why the line cannot be dropshipped: the
 * order must be open; the line flagged dropship, with a vendor that dropships and supply terms of
 * that vendor for the item (the purchase price and, when they have one, the lead time).
 */
export const openDropship = (input: Opening): Either.Either<Dropship, NotDropshippable> => {
  const { order } = input
  const line = order.lines.find((l) => l.lineNo === input.lineNo)
  if (line === undefined) return refuse(`sales order ${order.id} has no line ${input.lineNo}`)
  if (order.status !== "open") return refuse(`sales order ${order.id} is ${order.status}`)
  if (!line.dropship || line.vendorId === undefined) return refuse(`line ${line.lineNo} is not a dropship line`)
  if (Option.isNone(input.vendor)) return refuse(`vendor ${line.vendorId} is unknown`)
  const vendor = input.vendor.value
  if (!vendor.dropships) return refuse(`vendor ${vendor.id} does not dropship`)
  const terms = input.terms.find((t) => t.vendorId === vendor.id && t.sku === line.sku)
  if (terms === undefined) return refuse(`vendor ${vendor.id} has no supply terms for ${line.sku}`)
  const purchaseOrderId = purchaseOrderIdOf(order.id, line.lineNo)
  if (Option.isNone(purchaseOrderId)) return refuse(`sales order id ${order.id} is too long for a purchase order number`)
  const leadTimeDays = leadTimeOf(terms, vendor)
  return Either.right(
    new Dropship({
      tenantId: input.tenantId,
      salesOrderId: order.id,
      lineNo: line.lineNo,
      purchaseOrderId: purchaseOrderId.value,
      line: new DropshipLine({
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        currency: order.currency,
        unitCost: terms.unitPrice,
        vendorId: vendor.id,
        customerId: order.customerId,
        shipTo: order.shipTo,
        leadTimeDays,
        ...delaysOf(leadTimeDays, input.policy)
      }),
      state: "Placing",
      escalation: "none",
      shipments: [],
      signals: 0,
      history: [new HistoryEntry({ at: input.now, event: "Started" })],
      createdAt: input.now,
      updatedAt: input.now,
      version: 0
    })
  )
}
