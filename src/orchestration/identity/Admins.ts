import { Context, type Effect, type Option } from "effect"
import type { Admin } from "../../domain/identity/AdminOutcomes.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The directory of platform admins (accounts holding a platform role) and the platform-admin lock. */
export class Admins extends Context.Tag("baton/identity/Admins")<Admins, {
  /** Every account holding a platform role, whatever its status, by email. */
  readonly list: Effect.Effect<ReadonlyArray<Admin>, RepositoryError>
  /** The account, if it holds a platform role. */
  readonly find: (id: AccountId) => Effect.Effect<Option.Option<Admin>, RepositoryError>
  /**
   * Takes the platform-admin lock for the rest of the enclosing unit of work, then answers the
   * ids of the active accounts holding `platform-admin`. Call it first inside
   * `Transactions.withTransaction`: units of work that take it run one after another (across
   * processes too), so a decision on that answer cannot race another one (no write skew).
   */
  readonly lockActivePlatformAdmins: Effect.Effect<ReadonlyArray<AccountId>, RepositoryError>
}>() {}
