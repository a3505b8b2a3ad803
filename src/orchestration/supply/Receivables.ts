import { Context, type Effect, type Option } from "effect"
import type { ReceivableId, SalesOrderId } from "../../domain/supply/Ids.js"
import type { ReceivableDocument } from "../../domain/supply/Receivable.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Invoices and credit notes to customers, in exact money, each issued once per idempotency key. */
export class Receivables extends Context.Tag("baton/supply/Receivables")<Receivables, {
  /**
   * Issues the document unless one with the same key exists in the tenant: returns the document
   * that stands (the new one, or the earlier one unchanged) and whether it was created now.
   */
  readonly issue: (
    tenant: TenantId,
    document: ReceivableDocument
  ) => Effect.Effect<{ readonly created: boolean; readonly document: ReceivableDocument }, RepositoryError>
  readonly find: (tenant: TenantId, id: ReceivableId) => Effect.Effect<Option.Option<ReceivableDocument>, RepositoryError>
  /** The invoices and credit notes of a sales order, in the order issued. */
  readonly forSalesOrder: (tenant: TenantId, salesOrderId: SalesOrderId) => Effect.Effect<ReadonlyArray<ReceivableDocument>, RepositoryError>
}>() {}
