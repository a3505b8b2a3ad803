import { Context, type Effect, type Option } from "effect"
import type { Dropship, DropshipState } from "../../domain/fulfilment/Dropship.js"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The fulfilment records of dropship lines, one per tenant, sales order and line. */
export class Dropships extends Context.Tag("baton/fulfilment/Dropships")<Dropships, {
  /** Stores a new record; `false` (nothing written) when the line has one already. */
  readonly create: (dropship: Dropship) => Effect.Effect<boolean, RepositoryError>
  readonly find: (tenant: TenantId, salesOrderId: SalesOrderId, lineNo: number) => Effect.Effect<Option.Option<Dropship>, RepositoryError>
  /** The tenant's records by sales order and line, narrowed to `states` when given. */
  readonly list: (tenant: TenantId, filter: { readonly states?: ReadonlyArray<DropshipState> }) => Effect.Effect<ReadonlyArray<Dropship>, RepositoryError>
  /**
   * Records not yet settled (not fulfilled, cancelled or rejected), in every tenant, oldest change
   * first, at most `limit`: for the reconciler that wakes their workflows after a crash.
   */
  readonly unsettled: (limit: number) => Effect.Effect<ReadonlyArray<Dropship>, RepositoryError>
  /**
   * Stores `next` if the stored record is still at `expectedVersion` (compare-and-set);
   * `false` (nothing written) when another change got there first or there is no record.
   */
  readonly update: (next: Dropship, expectedVersion: number) => Effect.Effect<boolean, RepositoryError>
}>() {}
