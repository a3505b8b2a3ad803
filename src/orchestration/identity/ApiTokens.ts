import { Context, type DateTime, type Effect, type Option } from "effect"
import type { ApiToken } from "../../domain/identity/ApiToken.js"
import type { AccountId, ApiTokenId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

export interface IssueToken {
  readonly accountId: AccountId
  readonly name: string
  readonly scopes: ReadonlyArray<string>
  readonly now: DateTime.Utc
  readonly expiresAt: Option.Option<DateTime.Utc>
}

/** API tokens: `baton_pat_…` secrets returned once, stored as SHA-256. */
export class ApiTokens extends Context.Tag("baton/identity/ApiTokens")<ApiTokens, {
  readonly issue: (input: IssueToken) => Effect.Effect<{ readonly apiToken: ApiToken; readonly token: string }, RepositoryError>
  readonly findByToken: (token: string) => Effect.Effect<Option.Option<ApiToken>, RepositoryError>
  /** Every token of the account, newest first, revoked and expired ones included (so the owner sees them). */
  readonly list: (account: AccountId) => Effect.Effect<ReadonlyArray<ApiToken>, RepositoryError>
  /** Revokes one of the account's tokens; `false` when it has no such live token. */
  readonly revoke: (account: AccountId, id: ApiTokenId, now: DateTime.Utc) => Effect.Effect<boolean, RepositoryError>
  /** Records a use (written at most once a minute). */
  readonly touch: (id: ApiTokenId, now: DateTime.Utc) => Effect.Effect<void, RepositoryError>
}>() {}
