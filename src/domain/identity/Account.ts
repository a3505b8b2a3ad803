import { Schema } from "effect"
import { AccountId } from "../shared/Ids.js"
import { Email } from "./Email.js"

/** Invited (no password yet) → active ⇄ suspended; active or suspended → disabled (terminal). */
export const AccountStatus = Schema.Literal("invited", "active", "suspended", "disabled")
export type AccountStatus = typeof AccountStatus.Type

export const DisplayName = Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(100))

/**
 * An account. `authEpoch` is bumped whenever its password, second factor, roles or status
 * change; a session opened under an older epoch is no longer valid.
 */
export class Account extends Schema.Class<Account>("Account")({
  id: AccountId,
  email: Email,
  displayName: DisplayName,
  status: AccountStatus,
  authEpoch: Schema.NonNegativeInt,
  createdAt: Schema.DateTimeUtc
}) {}
