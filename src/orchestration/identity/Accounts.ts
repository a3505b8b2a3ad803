import { Context, type Effect, type Option } from "effect"
import type { Account, AccountStatus } from "../../domain/identity/Account.js"
import type { Email } from "../../domain/identity/Email.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Accounts, by id and by normalised email. */
export class Accounts extends Context.Tag("baton/identity/Accounts")<Accounts, {
  readonly findById: (id: AccountId) => Effect.Effect<Option.Option<Account>, RepositoryError>
  readonly findByEmail: (email: Email) => Effect.Effect<Option.Option<Account>, RepositoryError>
  /** Adds an account; `false` (and nothing written) when its email is taken. */
  readonly create: (account: Account) => Effect.Effect<boolean, RepositoryError>
  /** Increments the auth epoch atomically and returns the new one: older sessions stop authenticating. */
  readonly bumpEpoch: (id: AccountId) => Effect.Effect<number, RepositoryError>
  readonly setStatus: (id: AccountId, status: AccountStatus) => Effect.Effect<void, RepositoryError>
  /** How many accounts exist (the bootstrap creates the first admin only into an empty store). */
  readonly count: Effect.Effect<number, RepositoryError>
}>() {}
