import type { Array as Arr } from "effect"
import { Context, type DateTime, type Effect } from "effect"
import type { Sku } from "../../domain/commerce/Cart.js"
import type {
  Committed,
  OutOfStock,
  ReservationId,
  ReservationLapsed,
  ReservationLine,
  Reserved,
  StockItem,
  StockLevel
} from "../../domain/commerce/Stock.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** What to set aside: the lines (one per product), under an id chosen by the caller, until `expiresAt`. */
export interface ReservationRequest {
  readonly id: ReservationId
  readonly lines: Arr.NonEmptyReadonlyArray<ReservationLine>
  readonly expiresAt: DateTime.Utc
}

/**
 * A tenant's catalogue and stock, with reservations that expire. A held reservation past its
 * expiry no longer counts against availability. Every method is scoped by tenant.
 */
export class Inventory extends Context.Tag("baton/commerce/Inventory")<Inventory, {
  /** The catalogue entries of those products that exist, with the units available at `now`, in SKU order. */
  readonly levels: (tenantId: TenantId, skus: ReadonlyArray<Sku>, now: DateTime.Utc) => Effect.Effect<ReadonlyArray<StockLevel>, RepositoryError>
  /** Creates a product's catalogue entry, or replaces its name, price and units on hand. */
  readonly put: (tenantId: TenantId, item: StockItem) => Effect.Effect<void, RepositoryError>
  /**
   * Sets aside every line's units, all or nothing: `OutOfStock` (nothing held) names the
   * products with fewer units available at `now` than asked; an unknown product is out of
   * stock. Idempotent: a reservation id already used answers as that reservation was made.
   */
  readonly reserve: (tenantId: TenantId, request: ReservationRequest, now: DateTime.Utc) => Effect.Effect<Reserved | OutOfStock, RepositoryError>
  /**
   * Sets aside every line's units even beyond what is available (a backorder): `Reserved` lists
   * the products that were short. Such a reservation is committed even after it expired.
   * Idempotent like `reserve`.
   */
  readonly reserveBackorder: (tenantId: TenantId, request: ReservationRequest, now: DateTime.Utc) => Effect.Effect<Reserved, RepositoryError>
  /**
   * Turns a reservation into a sale: its units leave the stock on hand. Idempotent. An expired
   * normal reservation is committed only if its units are still available at `now`, otherwise
   * `ReservationLapsed` and nothing changes. Committing a released or unknown reservation is a
   * contract violation (a defect).
   */
  readonly commit: (tenantId: TenantId, id: ReservationId, now: DateTime.Utc) => Effect.Effect<Committed | ReservationLapsed, RepositoryError>
  /** Gives a held reservation's units back. Idempotent; a committed or unknown reservation is left as it is. */
  readonly release: (tenantId: TenantId, id: ReservationId) => Effect.Effect<void, RepositoryError>
}>() {}
