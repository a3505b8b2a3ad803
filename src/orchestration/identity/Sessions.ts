import { Context, type DateTime, type Effect, type Option } from "effect"
import type { Challenge, ChallengeId } from "../../domain/identity/Challenge.js"
import type { Device, Session, SessionKind } from "../../domain/identity/Session.js"
import type { AccountId, SessionId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

export interface OpenSession {
  readonly accountId: AccountId
  readonly kind: SessionKind
  readonly authEpoch: number
  readonly device: Device
  readonly now: DateTime.Utc
  readonly expiresAt: DateTime.Utc
}

/**
 * Interactive sessions and second-factor challenges. Opening either mints a ≥ 256-bit random
 * bearer token, returned once; only its SHA-256 is stored, and lookups hash the token given.
 */
export class Sessions extends Context.Tag("baton/identity/Sessions")<Sessions, {
  readonly open: (input: OpenSession) => Effect.Effect<{ readonly session: Session; readonly token: string }, RepositoryError>
  readonly findByToken: (token: string) => Effect.Effect<Option.Option<Session>, RepositoryError>
  readonly find: (account: AccountId, id: SessionId) => Effect.Effect<Option.Option<Session>, RepositoryError>
  /** The account's sessions that are neither revoked nor past their absolute expiry, newest first. */
  readonly list: (account: AccountId, now: DateTime.Utc) => Effect.Effect<ReadonlyArray<Session>, RepositoryError>
  /** Whether the account has opened a session from this user agent before. */
  readonly isKnownDevice: (account: AccountId, device: Device) => Effect.Effect<boolean, RepositoryError>
  readonly touch: (id: SessionId, now: DateTime.Utc) => Effect.Effect<void, RepositoryError>
  /** The password was proven again in this session (re-authentication), possibly under a new epoch. */
  readonly reauthenticated: (id: SessionId, now: DateTime.Utc, authEpoch: number) => Effect.Effect<void, RepositoryError>
  /** Revokes sessions of the account: one, all but one, or all. Returns how many were revoked. */
  readonly revoke: (
    account: AccountId,
    which: { readonly only: SessionId } | { readonly allBut: SessionId } | "all",
    now: DateTime.Utc
  ) => Effect.Effect<number, RepositoryError>

  readonly openChallenge: (
    input: { readonly accountId: AccountId; readonly device: Device; readonly now: DateTime.Utc; readonly expiresAt: DateTime.Utc }
  ) => Effect.Effect<{ readonly challenge: Challenge; readonly token: string }, RepositoryError>
  readonly findChallenge: (token: string) => Effect.Effect<Option.Option<Challenge>, RepositoryError>
  /**
   * Counts an attempt atomically; returns the new count. A challenge already consumed (a
   * concurrent answer won) counts as out of attempts (`Number.MAX_SAFE_INTEGER`), so nothing is
   * checked against it.
   */
  readonly countChallengeAttempt: (id: ChallengeId) => Effect.Effect<number, RepositoryError>
  /** Deletes the challenge; `false` when it was already consumed (a concurrent answer won). */
  readonly consumeChallenge: (id: ChallengeId) => Effect.Effect<boolean, RepositoryError>
}>() {}
