import { Context, type DateTime, type Effect } from "effect"
import type { AccountId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Everything an account's bearers were ended by `endAll`. */
export interface Ended {
  readonly sessions: number
  readonly tokens: number
}

/** Ends an account's access: every session and every API token, at once and for good. */
export class AccessRevocation extends Context.Tag("baton/identity/AccessRevocation")<AccessRevocation, {
  /** Revokes every live session and API token of the account (within the enclosing unit of work); says how many. */
  readonly endAll: (account: AccountId, now: DateTime.Utc) => Effect.Effect<Ended, RepositoryError>
}>() {}
