import { Context, type Effect, type Option } from "effect"
import type { Sku, TransferOrderId, WarehouseId } from "../../domain/supply/Ids.js"
import type { Warehouse } from "../../domain/supply/MasterData.js"
import type { TransferOrder, TransferStatus } from "../../domain/supply/TransferOrder.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The tenant's warehouses and the transfer orders between them. */
export class Warehouses extends Context.Tag("baton/supply/Warehouses")<Warehouses, {
  /** Adds warehouses, or replaces those whose id exists. */
  readonly putWarehouses: (tenant: TenantId, warehouses: ReadonlyArray<Warehouse>) => Effect.Effect<void, RepositoryError>
  /** The tenant's warehouses by id. */
  readonly warehouses: (tenant: TenantId) => Effect.Effect<ReadonlyArray<Warehouse>, RepositoryError>
  /** Adds new transfer orders; `false` (nothing written) when one of their ids exists. */
  readonly addTransfers: (tenant: TenantId, transfers: ReadonlyArray<TransferOrder>) => Effect.Effect<boolean, RepositoryError>
  readonly transfer: (tenant: TenantId, id: TransferOrderId) => Effect.Effect<Option.Option<TransferOrder>, RepositoryError>
  /** Transfers by id, narrowed to statuses, to items, and to those leaving or entering `warehouseId`. */
  readonly transfers: (
    tenant: TenantId,
    filter: { readonly statuses?: ReadonlyArray<TransferStatus>; readonly skus?: ReadonlyArray<Sku>; readonly warehouseId?: WarehouseId }
  ) => Effect.Effect<ReadonlyArray<TransferOrder>, RepositoryError>
  /**
   * Stores the transfer's next state if it is still in status `expected` (compare-and-set);
   * `false` (nothing written) when another change got there first.
   */
  readonly updateTransfer: (tenant: TenantId, next: TransferOrder, expected: TransferStatus) => Effect.Effect<boolean, RepositoryError>
}>() {}
