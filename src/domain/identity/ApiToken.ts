import { DateTime, Duration, Option, Schema } from "effect"
import { AccountId, ApiTokenId } from "../shared/Ids.js"
import type { Account } from "./Account.js"

/** The recognisable start of every API token, so that scanners can find leaked ones. */
export const TOKEN_PREFIX = "baton_pat_"

export const TokenName = Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(100))
export const Scope = Schema.String.pipe(Schema.pattern(/^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9]*)*(:[a-z]+)?$/), Schema.maxLength(100))

/**
 * An API token: authenticates like a session (Bearer) but cannot manage credentials. Only the
 * SHA-256 of the secret is stored; `hint` is its first characters, to tell tokens apart.
 */
export class ApiToken extends Schema.Class<ApiToken>("ApiToken")({
  id: ApiTokenId,
  accountId: AccountId,
  name: TokenName,
  scopes: Schema.Array(Scope),
  hint: Schema.String,
  createdAt: Schema.DateTimeUtc,
  expiresAt: Schema.OptionFromNullOr(Schema.DateTimeUtc),
  lastUsedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc),
  revokedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc)
}) {}

/** A token's use is recorded at most this often. */
export const USE_INTERVAL = Duration.minutes(1)

/** Whether the token's last recorded use is old enough (or absent) to be recorded again at `now`. */
export const shouldRecordUse = (token: ApiToken, now: DateTime.Utc): boolean =>
  Option.match(token.lastUsedAt, {
    onNone: () => true,
    onSome: (used) => !DateTime.lessThan(now, DateTime.addDuration(used, USE_INTERVAL))
  })

/**
 * Until when a token `tokenInvalidity` finds valid at `now` stays valid without a write of its
 * own: its expiry and the next recording of its use (`shouldRecordUse`; `now` when it has none
 * recorded), whichever comes first. A commit may end it sooner (a revocation, the account's status).
 */
export const tokenValidUntil = (token: ApiToken, now: DateTime.Utc): DateTime.Utc => {
  const recorded = Option.match(token.lastUsedAt, {
    onNone: () => now,
    onSome: (used) => DateTime.addDuration(used, USE_INTERVAL)
  })
  return Option.match(token.expiresAt, { onNone: () => recorded, onSome: (at) => DateTime.min(at, recorded) })
}

export type TokenInvalidReason = "revoked" | "expired" | "accountNotActive"

/** Why a token can no longer act at `now`, if it cannot. */
export const tokenInvalidity = (token: ApiToken, account: Account, now: DateTime.Utc): Option.Option<TokenInvalidReason> => {
  if (Option.isSome(token.revokedAt)) return Option.some("revoked")
  if (Option.exists(token.expiresAt, (at) => !DateTime.lessThan(now, at))) return Option.some("expired")
  if (account.status !== "active") return Option.some("accountNotActive")
  return Option.none()
}
