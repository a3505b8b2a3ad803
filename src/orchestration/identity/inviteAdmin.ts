import { DateTime, Effect, Either, Option, Schema } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { DEFAULT_INVITED_ROLE, PlatformRoleName } from "../../domain/access/PlatformRoles.js"
import { RoleGrant, RoleName } from "../../domain/access/Role.js"
import { Account, DisplayName } from "../../domain/identity/Account.js"
import { AdminNotice } from "../../domain/identity/AdminLifecycle.js"
import { AdminInvited } from "../../domain/identity/AdminOutcomes.js"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { EmailTaken } from "../../domain/identity/AuthOutcomes.js"
import { EmailFromInput } from "../../domain/identity/Email.js"
import { INVITATION_LIFETIME } from "../../domain/identity/Invitation.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AccountId } from "../../domain/shared/Ids.js"
import { issuesOf, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { Roles } from "../access/Roles.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Invitations } from "./Invitations.js"

export const InviteAdminInput = Schema.Struct({
  email: EmailFromInput,
  displayName: DisplayName,
  role: Schema.optionalWith(PlatformRoleName, { default: () => DEFAULT_INVITED_ROLE })
})

/** The account to invite: a new `invited` one, or the pending invitee of that email; none when another account has it. */
const invitee = Effect.fnUntraced(function*(account: Account) {
  const accounts = yield* Accounts
  const existing = yield* accounts.findByEmail(account.email)
  if (Option.isSome(existing)) return Option.filter(existing, (a) => a.status === "invited")
  return (yield* accounts.create(account)) ? Option.some(account) : Option.none()
})

/** Makes the invited platform role the account's only one (a re-invitation may name another). */
const holdOnly = Effect.fnUntraced(function*(accountId: AccountId, role: PlatformRoleName, now: DateTime.Utc) {
  const roles = yield* Roles
  for (const other of PlatformRoleName.literals.filter((r) => r !== role)) yield* roles.revoke(accountId, RoleName.make(other), Option.none())
  yield* roles.grant(new RoleGrant({ accountId, role: RoleName.make(role), tenantId: Option.none(), grantedAt: now }))
})

/**
 * Invites a platform admin (`admins.invite`; naming `platform-admin` also needs `roles.grant`):
 * an `invited` account without a password, holding the role (by default the least privileged,
 * `platform-operator`), and an invitation valid 72 h whose token goes to the invitee only, in the
 * `admins.invited` notification. Inviting a pending invitee again replaces its token.
 * `AdminInvited | EmailTaken | ValidationFailed | Refusal`.
 */
export const inviteAdmin = fn("Identity.inviteAdmin")(function*(actor: Actor, raw: typeof InviteAdminInput.Encoded) {
  const refused = yield* authorize(actor, "admins.invite", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const decoded = Schema.decodeEither(InviteAdminInput, { errors: "all" })(raw)
  if (Either.isLeft(decoded)) return new ValidationFailed({ issues: issuesOf(decoded.left) })
  const { displayName, email, role } = decoded.right
  const refusedGrant = role === "platform-admin" ? yield* authorize(actor, "roles.grant", AccessScope.platform) : Option.none()
  if (Option.isSome(refusedGrant)) return refusedGrant.value
  const now = yield* DateTime.now
  const fresh = new Account({ id: AccountId.make(yield* (yield* Ids).next), email, displayName, status: "invited", authEpoch: 0, createdAt: now })
  const auditTrail = yield* AuditTrail
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const account = yield* invitee(fresh)
    if (Option.isNone(account)) {
      return yield* Effect.as(auditTrail.record(audit("admins.invite", actor, "EmailTaken", { reason: email })), new EmailTaken())
    }
    const { id } = account.value
    yield* holdOnly(id, role, now)
    const expiresAt = DateTime.addDuration(now, INVITATION_LIFETIME)
    const { token } = yield* (yield* Invitations).issue({ accountId: id, now, expiresAt })
    const expires = DateTime.formatIso(expiresAt)
    yield* auditTrail.record(audit("admins.invite", actor, "AdminInvited", { account: id, details: { role, expiresAt: expires, again: id !== fresh.id } }))
    yield* (yield* Notifications).emit(securityNotice(AdminNotice.invited, id, { email, displayName: account.value.displayName, role, token, expiresAt: expires }))
    return new AdminInvited({ accountId: id, role, expiresAt })
  }))
})

