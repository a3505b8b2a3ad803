import { Context, type DateTime, type Effect, type Option } from "effect"
import type { Invitation } from "../../domain/identity/Invitation.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/**
 * Invitations of admins. Issuing mints a ≥ 256-bit random token (prefixed `baton_inv_`), returned
 * once; only its SHA-256 is stored, and lookups hash the token given.
 */
export class Invitations extends Context.Tag("baton/identity/Invitations")<Invitations, {
  /** Issues the account's invitation, replacing its pending one (whose token stops working at once). */
  readonly issue: (
    input: { readonly accountId: AccountId; readonly now: DateTime.Utc; readonly expiresAt: DateTime.Utc }
  ) => Effect.Effect<{ readonly invitation: Invitation; readonly token: string }, RepositoryError>
  /** The pending invitation of a token, expired or not; none once consumed or replaced. */
  readonly find: (token: string) => Effect.Effect<Option.Option<Invitation>, RepositoryError>
  /** Consumes the token's invitation atomically; `false` when it is gone (a concurrent acceptance won). */
  readonly consume: (token: string) => Effect.Effect<boolean, RepositoryError>
}>() {}
