import { Schema } from "effect"
import { Issue } from "../shared/Outcomes.js"
import { largestRemainder, ratioText } from "./Allocation.js"
import { CostDocumentId, ReceiptId, Sku, VendorId } from "./Ids.js"
import type { Receipt, ReceiptLine } from "./Documents.js"
import { Money } from "./Money.js"

/** How a cost is spread over the receipt lines: by their value, weight, volume or quantity. */
export const AllocationBasis = Schema.Literal("value", "weight", "volume", "quantity")
export type AllocationBasis = typeof AllocationBasis.Type

export const CostKind = Schema.Literal("freight", "duty", "insurance", "handling", "other")

/**
 * A landed-cost document (a freight bill, a customs declaration, an insurance invoice): an
 * amount in the receipt's currency, allocated over the receipt's lines (or only `lines`).
 */
export class CostDocument extends Schema.Class<CostDocument>("CostDocument")({
  id: CostDocumentId,
  kind: CostKind,
  basis: AllocationBasis,
  amount: Money,
  vendorId: Schema.optional(VendorId),
  lines: Schema.optional(Schema.NonEmptyArray(Schema.Int.pipe(Schema.positive())))
}) {}

/** The basis of a receipt line, in exact integers: minor units, grams, cm³ or units. */
export const basisOf = (line: ReceiptLine, basis: AllocationBasis): bigint =>
  basis === "value"
    ? BigInt(line.quantity) * BigInt(line.unitCost)
    : basis === "weight"
    ? BigInt(line.weightGrams)
    : basis === "volume"
    ? BigInt(line.volumeCm3)
    : BigInt(line.quantity)

const selected = (receipt: Receipt, document: CostDocument): ReadonlyArray<ReceiptLine> => {
  if (document.lines === undefined) return receipt.lines
  const only = new Set(document.lines)
  return receipt.lines.filter((l) => only.has(l.lineNo))
}

/**
 * Every reason the documents cannot be capitalised on the receipt, with its path: none given,
 * a repeated id, another currency than the receipt's, an amount that is not positive, lines
 * the receipt does not have, or a basis that sums to zero over the lines (nothing to weigh by).
 */
export const validateCostDocuments = (receipt: Receipt, documents: ReadonlyArray<CostDocument>): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  if (documents.length === 0) issues.push(new Issue({ path: "documents", message: "at least one cost document is required" }))
  const lineNos = new Set(receipt.lines.map((l) => l.lineNo))
  documents.forEach((document, i) => {
    const at = `documents[${i}]`
    if (documents.findIndex((d) => d.id === document.id) !== i) issues.push(new Issue({ path: `${at}.id`, message: `${document.id} appears twice` }))
    if (document.amount.currency !== receipt.currency) {
      issues.push(new Issue({ path: `${at}.amount.currency`, message: `must be the receipt's currency ${receipt.currency}, not ${document.amount.currency}` }))
    }
    if (document.amount.amount <= 0) issues.push(new Issue({ path: `${at}.amount.amount`, message: "must be positive" }))
    const unknown = (document.lines ?? []).filter((n) => !lineNos.has(n))
    if (unknown.length > 0) issues.push(new Issue({ path: `${at}.lines`, message: `receipt ${receipt.id} has no line ${unknown.join(", ")}` }))
    else if (selected(receipt, document).reduce((total, l) => total + basisOf(l, document.basis), 0n) <= 0n) {
      issues.push(new Issue({ path: `${at}.basis`, message: `the lines' ${document.basis} sums to zero: nothing to allocate by` }))
    }
  })
  return issues
}

export const LineShare = Schema.Struct({
  lineNo: Schema.Int,
  sku: Sku,
  basis: Schema.String,
  /** The exact proportional share amount·basis/total, as a decimal in minor units. */
  exactShare: Schema.String,
  allocated: Schema.Int
})

/** How one document was spread: its basis total and every line's exact and allocated share. */
export class DocumentAllocation extends Schema.Class<DocumentAllocation>("DocumentAllocation")({
  documentId: CostDocumentId,
  receiptId: ReceiptId,
  kind: CostKind,
  basis: AllocationBasis,
  amount: Money,
  basisTotal: Schema.String,
  lines: Schema.Array(LineShare)
}) {}

/** Allocates a (valid) document over its lines by largest remainder: the parts sum to the amount exactly. */
export const allocate = (receipt: Receipt, document: CostDocument): DocumentAllocation => {
  const lines = selected(receipt, document)
  const weights = lines.map((l) => basisOf(l, document.basis))
  const total = weights.reduce((a, b) => a + b, 0n)
  const amount = BigInt(document.amount.amount)
  const parts = largestRemainder(amount, weights)
  return new DocumentAllocation({
    documentId: document.id,
    receiptId: receipt.id,
    kind: document.kind,
    basis: document.basis,
    amount: document.amount,
    basisTotal: total.toString(),
    lines: lines.map((line, i) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      basis: (weights[i] ?? 0n).toString(),
      exactShare: ratioText(amount * (weights[i] ?? 0n), total, 6),
      allocated: Number(parts[i] ?? 0n)
    }))
  }, true)
}
