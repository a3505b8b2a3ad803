import { Context, type DateTime, type Effect, type Option } from "effect"
import type { Rma, RmaId, RmaState } from "../../domain/returns/Rma.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { SalesOrderId, Sku } from "../../domain/supply/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Which RMAs a listing shows: narrowed by state, sales order, item and request time, after a cursor. */
export interface RmaFilter {
  readonly state?: RmaState | undefined
  readonly salesOrderId?: SalesOrderId | undefined
  readonly sku?: Sku | undefined
  /** Requested at or after. */
  readonly from?: DateTime.Utc | undefined
  /** Requested before. */
  readonly to?: DateTime.Utc | undefined
  /** Only RMAs whose id sorts after this one. */
  readonly after?: RmaId | undefined
  readonly limit: number
}

/** Return merchandise authorisations of each tenant, changed by compare-and-set on their version. */
export class Rmas extends Context.Tag("baton/returns/Rmas")<Rmas, {
  /** Stores a new RMA; `false` (nothing written) when its id exists in the tenant. */
  readonly insert: (tenant: TenantId, rma: Rma) => Effect.Effect<boolean, RepositoryError>
  readonly find: (tenant: TenantId, id: RmaId) => Effect.Effect<Option.Option<Rma>, RepositoryError>
  /**
   * Replaces the RMA if its stored version is still `rma.version - 1`: `false` (nothing written)
   * when another change came first or the RMA does not exist.
   */
  readonly update: (tenant: TenantId, rma: Rma) => Effect.Effect<boolean, RepositoryError>
  /** The RMAs of a sales order, in id order. */
  readonly forSalesOrder: (tenant: TenantId, salesOrderId: SalesOrderId) => Effect.Effect<ReadonlyArray<Rma>, RepositoryError>
  /** RMAs matching the filter, in id order, at most `limit`. */
  readonly list: (tenant: TenantId, filter: RmaFilter) => Effect.Effect<ReadonlyArray<Rma>, RepositoryError>
  /**
   * RMAs of every tenant whose workflow is waiting (`Authorized`, `Received`, `Inspected`), oldest
   * request first, at most `limit`: what the start-up reconciler wakes.
   */
  readonly awaiting: (limit: number) => Effect.Effect<ReadonlyArray<{ readonly tenantId: TenantId; readonly rma: Rma }>, RepositoryError>
}>() {}

/** The states in which an RMA's workflow waits for the goods, the inspection or its settlement. */
export const AWAITING: ReadonlyArray<Rma["state"]> = ["Authorized", "Received", "Inspected"]
