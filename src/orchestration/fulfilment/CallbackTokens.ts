import { Context, type DateTime, type Effect, type Option } from "effect"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The dropship line a callback token was issued for. */
export interface TokenHolder {
  readonly tenantId: TenantId
  readonly salesOrderId: SalesOrderId
  readonly lineNo: number
}

/**
 * The secrets vendors confirm dropship shipments with: random (256 bits), single use, issued
 * per purchase order (and anew for the rest after a partial shipment), stored only as SHA-256.
 */
export class CallbackTokens extends Context.Tag("baton/fulfilment/CallbackTokens")<CallbackTokens, {
  /** Mints a token for the line and stores its digest; returns the secret (the only time it exists in clear). */
  readonly issue: (holder: TokenHolder, at: DateTime.Utc) => Effect.Effect<string, RepositoryError>
  /** The line of a live token (issued, neither spent nor revoked); none for anything else. */
  readonly find: (token: string) => Effect.Effect<Option.Option<TokenHolder>, RepositoryError>
  /** Spends a live token (compare-and-set); `false` when it is unknown, spent or revoked. */
  readonly spend: (token: string, at: DateTime.Utc) => Effect.Effect<boolean, RepositoryError>
  /** Revokes the line's live tokens; returns how many. */
  readonly revoke: (holder: TokenHolder, at: DateTime.Utc) => Effect.Effect<number, RepositoryError>
}>() {}
