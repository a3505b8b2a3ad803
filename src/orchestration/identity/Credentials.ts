import { Context, type DateTime, type Effect, type Option } from "effect"
import type { AttemptState, Factor } from "../../domain/identity/Lockout.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The state of an account's TOTP second factor. */
export interface TotpState {
  /** `pending` until the enrolment is confirmed with a first code. */
  readonly status: "pending" | "enabled"
  readonly lastAcceptedStep: Option.Option<number>
}

/** A TOTP enrolment to show once: the secret, its `otpauth://` URI and that URI as an SVG QR code. */
export interface TotpEnrollment {
  readonly secret: string
  readonly uri: string
  readonly qrSvg: string
}

/**
 * What proves an identity: the password (Argon2id), failure counters with progressive locks,
 * the TOTP secret (encrypted at rest) and recovery codes (stored as hashes). Secrets never leave
 * the adapter except when first issued.
 */
export class Credentials extends Context.Tag("baton/identity/Credentials")<Credentials, {
  /**
   * Whether `password` is the account's. With no account (or no password) it still spends the
   * time of a verification and answers `false`, so that timing tells nothing. A correct password
   * stored with outdated hashing parameters is rehashed.
   */
  readonly verifyPassword: (account: Option.Option<AccountId>, password: string) => Effect.Effect<boolean, RepositoryError>
  readonly setPassword: (account: AccountId, password: string) => Effect.Effect<void, RepositoryError>
  /** Whether the (lower-cased) candidate is in the shipped list of common passwords. */
  readonly isCommonPassword: (candidate: string) => boolean

  /** The failure counter of a subject (a normalised email for passwords, an account id for second factors). */
  readonly attempts: (subject: string, factor: Factor) => Effect.Effect<AttemptState, RepositoryError>
  /**
   * Counts one more failure atomically (parallel failures all count) and applies the lock the
   * count earns (`Lockout.lockFor`); returns the new state.
   */
  readonly recordFailure: (subject: string, factor: Factor, now: DateTime.Utc) => Effect.Effect<AttemptState, RepositoryError>
  readonly resetFailures: (subject: string, factor: Factor) => Effect.Effect<void, RepositoryError>

  readonly totp: (account: AccountId) => Effect.Effect<Option.Option<TotpState>, RepositoryError>
  /** Generates and stores (encrypted, pending) a new secret, replacing a pending one. */
  readonly startTotp: (account: AccountId, label: string, issuer: string) => Effect.Effect<TotpEnrollment, RepositoryError>
  /** The time step a code matches within ±1 step of `now`, if any (single use is the caller's rule). */
  readonly matchTotp: (account: AccountId, code: string, now: DateTime.Utc) => Effect.Effect<Option.Option<number>, RepositoryError>
  /**
   * Records `step` as the last accepted one if the stored value is still `expected`
   * (compare-and-set); `false` when another request got there first.
   */
  readonly acceptTotpStep: (account: AccountId, expected: Option.Option<number>, step: number) => Effect.Effect<boolean, RepositoryError>
  readonly enableTotp: (account: AccountId) => Effect.Effect<void, RepositoryError>
  readonly removeTotp: (account: AccountId) => Effect.Effect<void, RepositoryError>

  /** Replaces the recovery codes with ten new ones (≥ 112 bits each), returned once, stored hashed. */
  readonly issueRecoveryCodes: (account: AccountId) => Effect.Effect<ReadonlyArray<string>, RepositoryError>
  /** Consumes a recovery code atomically; the number left when it was valid and unused. */
  readonly useRecoveryCode: (account: AccountId, code: string) => Effect.Effect<Option.Option<number>, RepositoryError>
}>() {}
