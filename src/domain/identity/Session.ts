import { DateTime, Duration, Option, Schema } from "effect"
import { AccountId, SessionId } from "../shared/Ids.js"
import type { Account } from "./Account.js"

/** Where a session was opened from, as the browser and the network told. */
export class Device extends Schema.Class<Device>("Device")({
  userAgent: Schema.String.pipe(Schema.maxLength(512)),
  ip: Schema.String.pipe(Schema.maxLength(64))
}) {}

/** `full` sessions act; `restricted` ones may only enrol a second factor (when one is required). */
export const SessionKind = Schema.Literal("full", "restricted")
export type SessionKind = typeof SessionKind.Type

/** An interactive session. Its bearer token is never stored; only its SHA-256 is. */
export class Session extends Schema.Class<Session>("Session")({
  id: SessionId,
  accountId: AccountId,
  kind: SessionKind,
  authEpoch: Schema.NonNegativeInt,
  device: Device,
  createdAt: Schema.DateTimeUtc,
  lastSeenAt: Schema.DateTimeUtc,
  /** When the password (or a re-authentication) was last proven in this session. */
  authenticatedAt: Schema.DateTimeUtc,
  expiresAt: Schema.DateTimeUtc,
  revokedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc)
}) {}

export const InvalidReason = Schema.Literal("expired", "idle", "revoked", "epoch", "accountNotActive", "unknown")
export type InvalidReason = typeof InvalidReason.Type

/** `lastSeenAt` is written at most this often per session. */
export const TOUCH_INTERVAL = Duration.minutes(1)

/** Re-authentication stays fresh this long (for disabling TOTP, new recovery codes, sensitive abilities). */
export const FRESHNESS = Duration.minutes(10)

/** Why a session can no longer act at `now`, if it cannot. Checked in this order. */
export const invalidity = (
  session: Session,
  account: Account,
  now: DateTime.Utc,
  idleTimeout: Duration.Duration
): Option.Option<InvalidReason> => {
  if (Option.isSome(session.revokedAt)) return Option.some("revoked")
  if (!DateTime.lessThan(now, session.expiresAt)) return Option.some("expired")
  if (!DateTime.lessThan(now, DateTime.addDuration(session.lastSeenAt, idleTimeout))) return Option.some("idle")
  if (session.authEpoch !== account.authEpoch) return Option.some("epoch")
  if (account.status !== "active") return Option.some("accountNotActive")
  return Option.none()
}

/** Whether `lastSeenAt` is old enough to be written again. */
export const shouldTouch = (session: Session, now: DateTime.Utc): boolean =>
  !DateTime.lessThan(now, DateTime.addDuration(session.lastSeenAt, TOUCH_INTERVAL))

/**
 * Until when a session `invalidity` finds valid stays valid without a write of its own: its
 * expiry, its idle limit and the next recording of its use (`shouldTouch`), whichever comes
 * first. A commit may end it sooner (a revocation, a new auth epoch, the account's status).
 */
export const validUntil = (session: Session, idleTimeout: Duration.Duration): DateTime.Utc =>
  DateTime.min(session.expiresAt, DateTime.addDuration(session.lastSeenAt, Duration.min(idleTimeout, TOUCH_INTERVAL)))

/** Whether the password was proven recently enough for a sensitive operation. */
export const isFresh = (authenticatedAt: DateTime.Utc, now: DateTime.Utc): boolean =>
  DateTime.lessThan(now, DateTime.addDuration(authenticatedAt, FRESHNESS))
