import { Schema } from "effect"
import { Issue } from "../shared/Outcomes.js"
import { openQuantity, PurchaseOrder, PurchaseOrderLine, Receipt, ReceiptLine } from "./Documents.js"
import { StockMovement } from "./Ledger.js"
import type { Item } from "./MasterData.js"

/** A receipt line as entered: weight and volume default to the item's per-unit figures times the quantity. */
export const ReceiptLineInput = Schema.Struct({
  ...ReceiptLine.fields,
  weightGrams: Schema.optional(ReceiptLine.fields.weightGrams),
  volumeCm3: Schema.optional(ReceiptLine.fields.volumeCm3)
})
export const ReceiptInput = Schema.Struct({
  ...Receipt.fields,
  lines: Schema.NonEmptyArray(ReceiptLineInput).pipe(Schema.maxItems(10_000))
})
export type ReceiptInput = typeof ReceiptInput.Type

/** The receipt with every line's weight and volume filled in from the item master where not given. */
export const completeReceipt = (input: ReceiptInput, items: ReadonlyMap<string, Item>): Receipt =>
  new Receipt({
    ...input,
    lines: input.lines.map((l) => {
      const item = items.get(l.sku)
      return new ReceiptLine({
        ...l,
        weightGrams: l.weightGrams ?? l.quantity * (item?.unitWeightGrams ?? 0),
        volumeCm3: l.volumeCm3 ?? l.quantity * (item?.unitVolumeCm3 ?? 0)
      })
    }) as [ReceiptLine, ...Array<ReceiptLine>]
  })

export interface ReceivingContext {
  readonly warehouseKnown: boolean
  readonly vendorKnown: boolean
  readonly skus: ReadonlySet<string>
  readonly order: PurchaseOrder | undefined
}

/**
 * Every reason a receipt cannot be posted: unknown warehouse, vendor or items, repeated line
 * numbers; against a purchase order: the order must be confirmed, from the same vendor, into
 * the same warehouse, in the same currency, and each line must match an order line of the same
 * item with at least its quantity still open (no over-receipt).
 */
export const validateReceipt = (receipt: ReceiptInput, context: ReceivingContext): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const issue = (path: string, message: string) => issues.push(new Issue({ path, message }))
  if (!context.warehouseKnown) issue("warehouseId", `unknown warehouse ${receipt.warehouseId}`)
  if (!context.vendorKnown) issue("vendorId", `unknown vendor ${receipt.vendorId}`)
  receipt.lines.forEach((l, i) => {
    if (!context.skus.has(l.sku)) issue(`lines[${i}].sku`, `unknown item ${l.sku}`)
    if (receipt.lines.findIndex((o) => o.lineNo === l.lineNo) !== i) issue(`lines[${i}].lineNo`, `line ${l.lineNo} appears twice`)
  })
  const order = context.order
  if (order === undefined) return issues
  if (order.status !== "confirmed") issue("purchaseOrderId", `purchase order ${order.id} is ${order.status}, not confirmed`)
  if (order.vendorId !== receipt.vendorId) issue("vendorId", `purchase order ${order.id} is from ${order.vendorId}`)
  if (order.currency !== receipt.currency) issue("currency", `purchase order ${order.id} is in ${order.currency}`)
  if (order.destination._tag !== "ToWarehouse" || order.destination.warehouseId !== receipt.warehouseId) {
    issue("warehouseId", `purchase order ${order.id} does not deliver into ${receipt.warehouseId}`)
  }
  receipt.lines.forEach((l, i) => {
    if (l.purchaseOrderLine === undefined) return issue(`lines[${i}].purchaseOrderLine`, "required when the receipt is against a purchase order")
    const line = order.lines.find((o) => o.lineNo === l.purchaseOrderLine)
    if (line === undefined || line.sku !== l.sku) return issue(`lines[${i}].purchaseOrderLine`, `order ${order.id} has no line ${l.purchaseOrderLine} for ${l.sku}`)
    const open = openQuantity(order, line) - receipt.lines.filter((o, j) => j < i && o.purchaseOrderLine === l.purchaseOrderLine).reduce((t, o) => t + o.quantity, 0)
    if (l.quantity > open) issue(`lines[${i}].quantity`, `${l.quantity} received but ${Math.max(0, open)} open on line ${line.lineNo}`)
  })
  return issues
}

/** The order with the receipt's quantities received; `received` once every line is complete. */
export const applyReceipt = (order: PurchaseOrder, receipt: Receipt): PurchaseOrder => {
  const lines = order.lines.map((line) =>
    new PurchaseOrderLine({
      ...line,
      receivedQuantity: line.receivedQuantity + receipt.lines.filter((l) => l.purchaseOrderLine === line.lineNo).reduce((t, l) => t + l.quantity, 0)
    })
  ) as [PurchaseOrderLine, ...Array<PurchaseOrderLine>]
  return new PurchaseOrder({ ...order, lines, status: lines.every((l) => l.receivedQuantity >= l.quantity) ? "received" : order.status })
}

/** The ledger movements of a receipt: each line in at its unit cost, referenced `receipt:<id>`. */
export const receiptMovements = (receipt: Receipt): ReadonlyArray<StockMovement> =>
  receipt.lines.map((l) =>
    new StockMovement({
      sku: l.sku,
      warehouseId: receipt.warehouseId,
      quantity: l.quantity,
      kind: "receipt",
      reference: `receipt:${receipt.id}`,
      occurredOn: receipt.receivedOn,
      unitCost: l.unitCost
    })
  )
