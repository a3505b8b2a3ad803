import { DateTime, Duration, Schema } from "effect"
import { AccountId } from "../shared/Ids.js"
import { Device } from "./Session.js"

export const CHALLENGE_LIFETIME = Duration.minutes(5)
export const CHALLENGE_ATTEMPTS = 5

export const ChallengeId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("ChallengeId"))
export type ChallengeId = typeof ChallengeId.Type

/**
 * A second-factor challenge, issued after a correct password: five minutes and five attempts
 * to answer it with a TOTP or recovery code. Its token is stored only as SHA-256.
 */
export class Challenge extends Schema.Class<Challenge>("Challenge")({
  id: ChallengeId,
  accountId: AccountId,
  device: Device,
  createdAt: Schema.DateTimeUtc,
  expiresAt: Schema.DateTimeUtc,
  attempts: Schema.NonNegativeInt
}) {}

/** Whether the challenge can still be answered at `now`. */
export const isOpen = (challenge: Challenge, now: DateTime.Utc): boolean =>
  DateTime.lessThan(now, challenge.expiresAt) && challenge.attempts < CHALLENGE_ATTEMPTS
