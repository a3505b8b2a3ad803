import type { Day } from "../supply/Calendar.js"
import { SalesOrder, SalesOrderLine } from "../supply/Documents.js"
import { ReceivableId } from "../supply/Ids.js"
import type { Vendor } from "../supply/MasterData.js"
import { ReceivableDocument, ReceivableLine, totalOf } from "../supply/Receivable.js"
import { refundKey } from "./Disposition.js"
import type { Rma } from "./Rma.js"

/**
 * The credit note of an RMA, in exact money (the line's unit price × the returned quantity),
 * keyed `rma:<id>:refund` so that it is issued once, crediting the order's first invoice when there is one.
 */
export const creditNote = (rma: Rma, issuedOn: Day, invoiceId: ReceivableId | undefined): ReceivableDocument => {
  const lines = [new ReceivableLine({ description: `Return ${rma.id}: ${rma.sku}`, sku: rma.sku, quantity: rma.quantity, unitPrice: rma.unitPrice })] as const
  return new ReceivableDocument({
    id: ReceivableId.make(`CN-${rma.id}`),
    kind: "credit-note",
    key: refundKey(rma),
    salesOrderId: rma.salesOrderId,
    customerId: rma.customerId,
    currency: rma.currency,
    lines: [...lines],
    total: totalOf(rma.currency, lines),
    issuedOn,
    reason: rma.reason,
    ...(invoiceId === undefined ? {} : { invoiceId })
  })
}

/**
 * The replacement of an RMA: a new line on its sales order (numbered after the last), for the
 * same item and quantity at no charge, promised today. It is a dropship line when the item's
 * preferred vendor ships to customers directly; otherwise it ships from the original line's
 * warehouse (or the one that received the return). The order is open again.
 */
export const withReplacementLine = (
  order: SalesOrder,
  rma: Rma,
  preferredVendor: Vendor | undefined,
  promisedOn: Day
): { readonly order: SalesOrder; readonly line: SalesOrderLine } => {
  const lineNo = Math.max(...order.lines.map((l) => l.lineNo)) + 1
  const original = order.lines.find((l) => l.lineNo === rma.lineNo)
  const dropship = preferredVendor?.dropships === true
  const warehouseId = original?.warehouseId ?? rma.receipt?.warehouseId ?? rma.warehouseId
  const line = new SalesOrderLine({
    lineNo,
    sku: rma.sku,
    quantity: rma.quantity,
    unitPrice: 0,
    promisedOn,
    dropship,
    ...(dropship && preferredVendor !== undefined ? { vendorId: preferredVendor.id } : warehouseId === undefined ? {} : { warehouseId })
  })
  return { order: new SalesOrder({ ...order, status: "open", lines: [...order.lines, line] }), line }
}
