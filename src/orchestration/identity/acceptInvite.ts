import { DateTime, Effect, Either, Option } from "effect"
import { AdminNotice, transition } from "../../domain/identity/AdminLifecycle.js"
import { InviteAccepted, InviteInvalid } from "../../domain/identity/AdminOutcomes.js"
import { audit, securityNotice } from "../../domain/identity/AuthIntents.js"
import { PasswordRejected } from "../../domain/identity/AuthOutcomes.js"
import { isExpired } from "../../domain/identity/Invitation.js"
import { passwordProblems } from "../../domain/identity/PasswordPolicy.js"
import type { Device } from "../../domain/identity/Session.js"
import { AnonymousActor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"
import { Invitations } from "./Invitations.js"

/**
 * The invitee sets its password with the invitation token (no bearer): the account becomes
 * `active` with the role it was invited into, and the token is used up.
 * `InviteAccepted | InviteInvalid | PasswordRejected`. An unknown, expired or used token is one
 * uniform `InviteInvalid` (the audit keeps which); a refused password leaves the token usable.
 */
export const acceptInvite = fn("Identity.acceptInvite")(function*(token: string, password: string, device: Device) {
  const actor = new AnonymousActor({ ip: device.ip, userAgent: device.userAgent })
  const auditTrail = yield* AuditTrail
  const invalid = (reason: string, account?: AccountId) =>
    Effect.as(auditTrail.record(audit("admins.acceptInvite", actor, "InviteInvalid", { account, reason })), new InviteInvalid())
  const invitations = yield* Invitations
  const invitation = yield* invitations.find(token)
  if (Option.isNone(invitation)) return yield* invalid("unknown, used or replaced token")
  const { accountId } = invitation.value
  if (isExpired(invitation.value, yield* DateTime.now)) return yield* invalid("expired", accountId)
  const accounts = yield* Accounts
  const account = yield* accounts.findById(accountId)
  if (Option.isNone(account) || Either.isLeft(transition(account.value.status, "active"))) return yield* invalid("the account is not invited", accountId)
  const credentials = yield* Credentials
  const problems = passwordProblems(password, account.value.email, credentials.isCommonPassword)
  if (problems.length > 0) {
    yield* auditTrail.record(audit("admins.acceptInvite", actor, "PasswordRejected", { account: accountId, reason: problems.join("; ") }))
    return new PasswordRejected({ problems })
  }
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* invitations.consume(token))) return yield* invalid("used concurrently", accountId)
    yield* credentials.setPassword(accountId, password)
    yield* accounts.setStatus(accountId, "active")
    const authEpoch = yield* accounts.bumpEpoch(accountId)
    yield* auditTrail.record(audit("admins.acceptInvite", actor, "InviteAccepted", { account: accountId, details: { authEpoch } }))
    yield* (yield* Notifications).emit(securityNotice(AdminNotice.activated, accountId))
    return new InviteAccepted({ accountId })
  }))
})
