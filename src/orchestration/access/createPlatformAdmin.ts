import { DateTime, Effect, Option } from "effect"
import { PlatformAdmin, RoleGrant } from "../../domain/access/Role.js"
import { audit } from "../../domain/identity/AuthIntents.js"
import { BootstrapSkipped } from "../../domain/identity/AuthOutcomes.js"
import { type Actor, SystemActor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Accounts } from "../identity/Accounts.js"
import { createAccount, type CreateAccountInput } from "../identity/createAccount.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Roles } from "./Roles.js"

/**
 * Creates an active account holding the `platform-admin` role, in one unit of work (the CLI's
 * `admin create`, the bootstrap). `AccountCreated | EmailTaken | PasswordRejected | ValidationFailed`.
 */
export const createPlatformAdmin = fn("Access.createPlatformAdmin")(function*(actor: Actor, input: typeof CreateAccountInput.Encoded) {
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const outcome = yield* createAccount(actor, input)
    if (outcome._tag !== "AccountCreated") return outcome
    const { id } = outcome.account
    yield* (yield* Roles).grant(new RoleGrant({ accountId: id, role: PlatformAdmin.name, tenantId: Option.none(), grantedAt: yield* DateTime.now }))
    yield* (yield* AuditTrail).record(audit("roles.grant", actor, "RoleGranted", { account: id, details: { role: PlatformAdmin.name, scope: "platform" } }))
    return outcome
  }))
})

/** Creates the first platform admin from the bootstrap configuration, only into an empty store. */
export const bootstrapAdmin = fn("Access.bootstrapAdmin")(function*(email: string, password: string) {
  if ((yield* (yield* Accounts).count) > 0) return new BootstrapSkipped()
  return yield* createPlatformAdmin(new SystemActor({ component: "bootstrap" }), { email, password, displayName: "Administrator" })
})
