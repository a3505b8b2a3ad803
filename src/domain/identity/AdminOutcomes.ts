import { Schema } from "effect"
import { PlatformRoleName } from "../access/PlatformRoles.js"
import { AccountId } from "../shared/Ids.js"
import { AccountStatus, DisplayName } from "./Account.js"
import { Email } from "./Email.js"

/** A platform admin as the directory shows it: an account holding at least one platform role. */
export class Admin extends Schema.TaggedClass<Admin>()("Admin", {
  id: AccountId,
  email: Email,
  displayName: DisplayName,
  status: AccountStatus,
  roles: Schema.Array(PlatformRoleName),
  totpEnabled: Schema.Boolean,
  /** When a session was last opened for the account (none: never logged in). */
  lastLoginAt: Schema.OptionFromNullOr(Schema.DateTimeUtc),
  createdAt: Schema.DateTimeUtc
}) {}

export class AdminList extends Schema.TaggedClass<AdminList>()("AdminList", {
  admins: Schema.Array(Admin)
}) {}

/** An admin may not suspend, disable, or change the platform roles of its own account. */
export class CannotTargetSelf extends Schema.TaggedClass<CannotTargetSelf>()("CannotTargetSelf", {}) {}

/** The account is the last active platform admin: it cannot be suspended, disabled or lose the role. */
export class LastPlatformAdmin extends Schema.TaggedClass<LastPlatformAdmin>()("LastPlatformAdmin", {}) {}

/** The invitation token is unknown, expired or used: the caller cannot tell which. */
export class InviteInvalid extends Schema.TaggedClass<InviteInvalid>()("InviteInvalid", {}) {}

/** An invitation was issued (its token goes to the invitee only, never to the inviter). */
export class AdminInvited extends Schema.TaggedClass<AdminInvited>()("AdminInvited", {
  accountId: AccountId,
  role: PlatformRoleName,
  expiresAt: Schema.DateTimeUtc
}) {}

/** The invitee set a password: the account is active. */
export class InviteAccepted extends Schema.TaggedClass<InviteAccepted>()("InviteAccepted", {
  accountId: AccountId
}) {}

/** A status change took effect; `sessionsEnded` and `tokensRevoked` count what it ended at once. */
const statusChanged = {
  accountId: AccountId,
  status: AccountStatus,
  sessionsEnded: Schema.NonNegativeInt,
  tokensRevoked: Schema.NonNegativeInt
}

export class AdminSuspended extends Schema.TaggedClass<AdminSuspended>()("AdminSuspended", statusChanged) {}
export class AdminReinstated extends Schema.TaggedClass<AdminReinstated>()("AdminReinstated", statusChanged) {}
export class AdminDisabled extends Schema.TaggedClass<AdminDisabled>()("AdminDisabled", statusChanged) {}

/** The account holds the platform role; `changed` is false when it held it already (nothing was done). */
export class PlatformRoleGranted extends Schema.TaggedClass<PlatformRoleGranted>()("PlatformRoleGranted", {
  accountId: AccountId,
  role: PlatformRoleName,
  changed: Schema.Boolean
}) {}

/** The account no longer holds the platform role. */
export class PlatformRoleRevoked extends Schema.TaggedClass<PlatformRoleRevoked>()("PlatformRoleRevoked", {
  accountId: AccountId,
  role: PlatformRoleName
}) {}
