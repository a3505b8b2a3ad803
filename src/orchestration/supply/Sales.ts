import { Context, type Effect, type Option } from "effect"
import type { Day } from "../../domain/supply/Calendar.js"
import type { SalesOrder, SalesOrderStatus, Shipment } from "../../domain/supply/Documents.js"
import type { SalesOrderId, Sku, WarehouseId } from "../../domain/supply/Ids.js"
import type { DemandRecord } from "../../domain/supply/Ledger.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Sales orders (with their lines and shipments) and the daily demand history. */
export class Sales extends Context.Tag("baton/supply/Sales")<Sales, {
  /** Adds sales orders, or replaces those whose id exists (header, lines and shipments). */
  readonly putSalesOrders: (tenant: TenantId, orders: ReadonlyArray<SalesOrder>) => Effect.Effect<void, RepositoryError>
  readonly salesOrder: (tenant: TenantId, id: SalesOrderId) => Effect.Effect<Option.Option<SalesOrder>, RepositoryError>
  /**
   * Sales orders by id, narrowed to the given statuses, to those with a line shipping from
   * `warehouseId`, and to those with a line for one of `skus`.
   */
  readonly salesOrders: (
    tenant: TenantId,
    filter: {
      readonly statuses?: ReadonlyArray<SalesOrderStatus>
      readonly warehouseId?: WarehouseId
      readonly skus?: ReadonlyArray<Sku>
    }
  ) => Effect.Effect<ReadonlyArray<SalesOrder>, RepositoryError>
  /**
   * Adds a shipment to a sales order, leaving its lines and other shipments as they are. A
   * shipment of the same line under the same carrier and tracking number is recorded once:
   * `false` (nothing written) when it is there already, or when there is no such order.
   */
  readonly recordShipment: (tenant: TenantId, id: SalesOrderId, shipment: Shipment) => Effect.Effect<boolean, RepositoryError>
  /** Stores daily demand, replacing the quantity of a day already recorded for the item and warehouse. */
  readonly putDemand: (tenant: TenantId, records: ReadonlyArray<DemandRecord>) => Effect.Effect<void, RepositoryError>
  /** Recorded daily demand from `from` to `to` inclusive, narrowed to a warehouse and items; days without a record are absent. */
  readonly demand: (
    tenant: TenantId,
    filter: { readonly from: Day; readonly to: Day; readonly warehouseId?: WarehouseId; readonly skus?: ReadonlyArray<Sku> }
  ) => Effect.Effect<ReadonlyArray<DemandRecord>, RepositoryError>
}>() {}
