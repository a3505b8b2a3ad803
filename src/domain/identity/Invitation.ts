import { DateTime, Duration, Schema } from "effect"
import { AccountId } from "../shared/Ids.js"

/** The recognisable start of every invitation token, so that scanners can find leaked ones. */
export const INVITATION_PREFIX = "baton_inv_"

/** How long an invitation can be accepted. */
export const INVITATION_LIFETIME = Duration.hours(72)

/**
 * A pending invitation of an `invited` account. Its token (≥ 256 random bits) is handed out once,
 * to the invitee through a notification; only its SHA-256 is stored. One per account: a new
 * invitation replaces the pending one, whose token stops working.
 */
export class Invitation extends Schema.Class<Invitation>("Invitation")({
  accountId: AccountId,
  createdAt: Schema.DateTimeUtc,
  expiresAt: Schema.DateTimeUtc
}) {}

/** Whether the invitation can no longer be accepted at `now`. */
export const isExpired = (invitation: Invitation, now: DateTime.Utc): boolean => !DateTime.lessThan(now, invitation.expiresAt)
