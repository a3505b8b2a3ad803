import { DateTime, Effect, Either, Option, Schema } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { UnknownRole } from "../../domain/access/AccessOutcomes.js"
import { grantableOn, RoleGrant, RoleName } from "../../domain/access/Role.js"
import { Account, DisplayName } from "../../domain/identity/Account.js"
import { EmailFromInput } from "../../domain/identity/Email.js"
import { Membership } from "../../domain/identity/Membership.js"
import { tenantAudit } from "../../domain/identity/TenantIntents.js"
import { AlreadyMember, Registered } from "../../domain/identity/TenantOutcomes.js"
import { INVITATION_LIFETIME } from "../../domain/identity/Invitation.js"
import { AccountAudience, NotificationIntent } from "../../domain/notifications/NotificationIntent.js"
import { UserRegistrationEnabled } from "../../domain/settings/Catalogue.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AccountId, type TenantId } from "../../domain/shared/Ids.js"
import { issuesOf, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { Roles } from "../access/Roles.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { requireFeature } from "../settings/requireFeature.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Invitations } from "./Invitations.js"
import { Memberships } from "./Memberships.js"

export const RegisterUserInput = Schema.Struct({
  email: EmailFromInput,
  displayName: Schema.optional(DisplayName),
  role: RoleName
})

/**
 * Registers a user into a tenant: reuses the account of that email or creates an invited one (no
 * password yet), adds the membership with the role, audits, and welcomes the user (new accounts
 * are invited to set a password). One account may belong to many tenants with different roles.
 * `Registered | AlreadyMember | UnknownRole | FeatureDisabled | ValidationFailed | Refusal`.
 */
export const registerUser = fn("Identity.registerUser")(function*(actor: Actor, tenantId: TenantId, raw: typeof RegisterUserInput.Encoded) {
  const refused = yield* authorize(actor, "members.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const disabled = yield* requireFeature(UserRegistrationEnabled, tenantId)
  if (Option.isSome(disabled)) return disabled.value
  const decoded = Schema.decodeEither(RegisterUserInput, { errors: "all" })(raw)
  if (Either.isLeft(decoded)) return new ValidationFailed({ issues: issuesOf(decoded.left) })
  const input = decoded.right
  const roles = yield* Roles
  const role = yield* roles.find(input.role, Option.some(tenantId))
  if (Option.isNone(role) || !grantableOn(role.value, Option.some(tenantId))) return new UnknownRole({ role: input.role })
  const accounts = yield* Accounts
  const now = yield* DateTime.now
  const newAccount = new Account({
    id: AccountId.make(yield* (yield* Ids).next),
    email: input.email,
    displayName: input.displayName ?? input.email.split("@")[0] ?? input.email,
    status: "invited",
    authEpoch: 0,
    createdAt: now
  })
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const existing = yield* accounts.findByEmail(input.email)
    const account = Option.getOrElse(existing, () => newAccount)
    if (Option.isNone(existing)) yield* accounts.create(account)
    const target = { type: "account", id: account.id }
    if (!(yield* (yield* Memberships).add(new Membership({ tenantId, accountId: account.id, joinedAt: now })))) {
      yield* (yield* AuditTrail).record(tenantAudit("members.register", actor, "AlreadyMember", tenantId, { target }))
      return new AlreadyMember({ accountId: account.id })
    }
    yield* roles.grant(new RoleGrant({ accountId: account.id, role: input.role, tenantId: Option.some(tenantId), grantedAt: now }))
    const created = Option.isNone(existing)
    const setPassword = account.status === "invited"
    yield* (yield* AuditTrail).record(tenantAudit("members.register", actor, "Registered", tenantId, { target, details: { role: input.role, created } }))
    const expiresAt = DateTime.addDuration(now, INVITATION_LIFETIME)
    const issued = setPassword ? Option.some(yield* (yield* Invitations).issue({ accountId: account.id, now, expiresAt })) : Option.none()
    const invitation = Option.match(issued, { onNone: () => ({}), onSome: ({ token }) => ({ token, expiresAt: DateTime.formatIso(expiresAt) }) })
    yield* (yield* Notifications).emit(
      new NotificationIntent({
        kind: "tenants.welcome",
        category: setPassword ? "security" : "info",
        audience: new AccountAudience({ accountId: account.id }),
        tenantId,
        data: { tenant: tenantId, role: input.role, setPassword, ...invitation }
      })
    )
    return new Registered({ accountId: account.id, created })
  }))
})
