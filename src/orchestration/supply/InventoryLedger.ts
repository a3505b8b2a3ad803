import { Context, type Effect, type Option } from "effect"
import type { Sku, WarehouseId } from "../../domain/supply/Ids.js"
import type { ItemValuation, PostedMovement, StockLevel, StockMovement, ValuationEntry } from "../../domain/supply/Ledger.js"
import type { Item } from "../../domain/supply/MasterData.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** What one posting writes: movements in order, the valuation entries they caused, the items' new valuations. */
export interface Posting {
  readonly movements: ReadonlyArray<StockMovement>
  readonly entries: ReadonlyArray<ValuationEntry>
  readonly valuations: ReadonlyArray<ItemValuation>
}

/**
 * The item master and the inventory ledger of a tenant: an append-only log of stock movements,
 * the on-hand quantities it sums to, and the moving-average valuation with its journal.
 */
export class InventoryLedger extends Context.Tag("baton/supply/InventoryLedger")<InventoryLedger, {
  /** Adds items, or replaces those whose SKU exists. */
  readonly putItems: (tenant: TenantId, items: ReadonlyArray<Item>) => Effect.Effect<void, RepositoryError>
  /** The tenant's items in SKU order; only those listed when `skus` is given. */
  readonly items: (tenant: TenantId, skus?: ReadonlyArray<Sku>) => Effect.Effect<ReadonlyArray<Item>, RepositoryError>
  /** Appends the movements and entries (in order) and stores the valuations, all or nothing. */
  readonly post: (tenant: TenantId, posting: Posting) => Effect.Effect<void, RepositoryError>
  /**
   * On hand per item and warehouse, the sum of the ledger, ordered by SKU then warehouse;
   * narrowed to `skus` and/or `warehouseId`. Pairs without movements are absent.
   */
  readonly onHand: (
    tenant: TenantId,
    filter: { readonly skus?: ReadonlyArray<Sku>; readonly warehouseId?: WarehouseId }
  ) => Effect.Effect<ReadonlyArray<StockLevel>, RepositoryError>
  /** An item's latest movements, newest first (at one warehouse when given), at most `limit`. */
  readonly movements: (
    tenant: TenantId,
    filter: { readonly sku: Sku; readonly warehouseId?: WarehouseId; readonly limit: number }
  ) => Effect.Effect<ReadonlyArray<PostedMovement>, RepositoryError>
  /**
   * The valuations of the items that have one. With `lock`, inside a transaction, the items are
   * held until it ends (their rows `FOR UPDATE` on PostgreSQL; SQLite serialises writers), so a
   * read-modify-write of valuations and on-hand never loses or overtakes a concurrent posting.
   */
  readonly valuations: (tenant: TenantId, skus: ReadonlyArray<Sku>, lock?: boolean) => Effect.Effect<ReadonlyArray<ItemValuation>, RepositoryError>
  /** An item's valuation journal, newest first, at most `limit`. */
  readonly valuationEntries: (tenant: TenantId, sku: Sku, limit: number) => Effect.Effect<ReadonlyArray<ValuationEntry>, RepositoryError>
  /** The ledger position of the last movement with this reference, if any. */
  readonly lastSequence: (tenant: TenantId, reference: string) => Effect.Effect<Option.Option<number>, RepositoryError>
  /**
   * Per item, the units that entered the tenant's stock after ledger position `sequence`:
   * receipts, customer returns and positive adjustments (transfers excluded). Items with none are absent.
   */
  readonly inboundAfter: (
    tenant: TenantId,
    skus: ReadonlyArray<Sku>,
    sequence: number
  ) => Effect.Effect<ReadonlyArray<{ readonly sku: Sku; readonly quantity: number }>, RepositoryError>
}>() {}
