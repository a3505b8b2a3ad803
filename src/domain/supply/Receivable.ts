import { Schema } from "effect"
import { Day } from "./Calendar.js"
import { CustomerId, ReceivableId, SalesOrderId, Sku } from "./Ids.js"
import { CurrencyCode, MinorUnits, Money } from "./Money.js"
import { PositiveQuantity } from "./MasterData.js"

/** An invoice to a customer, or a credit note that gives (part of) it back. */
export const ReceivableKind = Schema.Literal("invoice", "credit-note")
export type ReceivableKind = typeof ReceivableKind.Type

export class ReceivableLine extends Schema.Class<ReceivableLine>("ReceivableLine")({
  description: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  sku: Schema.optional(Sku),
  quantity: PositiveQuantity,
  unitPrice: MinorUnits.pipe(Schema.nonNegative())
}) {}

/** A line's amount, quantity × unit price, exactly. */
export const lineAmount = (line: ReceivableLine): number => line.quantity * line.unitPrice

/**
 * A receivable document in exact money. `key` is its idempotency key (e.g.
 * `dropship:S-1/2:invoice`, `rma:R-7:refund`): issuing a second document with a key already
 * used returns the first instead, so a retried step never bills or refunds twice.
 */
export class ReceivableDocument extends Schema.Class<ReceivableDocument>("ReceivableDocument")({
  id: ReceivableId,
  kind: ReceivableKind,
  key: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  salesOrderId: SalesOrderId,
  customerId: CustomerId,
  currency: CurrencyCode,
  lines: Schema.NonEmptyArray(ReceivableLine),
  total: Money,
  issuedOn: Day,
  /** For a credit note: the invoice it credits. */
  invoiceId: Schema.optional(ReceivableId),
  reason: Schema.optional(Schema.String)
}) {}

/** The total of lines in a currency. */
export const totalOf = (currency: CurrencyCode, lines: ReadonlyArray<ReceivableLine>): Money =>
  new Money({ amount: lines.reduce((total, line) => total + lineAmount(line), 0), currency })

/** What the customer owes on an order: invoices less credit notes (documents of another currency are refused upstream). */
export const balanceOf = (currency: CurrencyCode, documents: ReadonlyArray<ReceivableDocument>): Money =>
  new Money({
    amount: documents.reduce((total, d) => total + (d.kind === "invoice" ? d.total.amount : -d.total.amount), 0),
    currency
  })
