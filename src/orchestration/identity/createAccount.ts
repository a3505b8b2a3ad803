import { DateTime, Effect, Either, Schema } from "effect"
import { Account, DisplayName } from "../../domain/identity/Account.js"
import { audit } from "../../domain/identity/AuthIntents.js"
import { AccountCreated, EmailTaken, PasswordRejected } from "../../domain/identity/AuthOutcomes.js"
import { EmailFromInput } from "../../domain/identity/Email.js"
import { passwordProblems } from "../../domain/identity/PasswordPolicy.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AccountId } from "../../domain/shared/Ids.js"
import { issuesOf, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"

export const CreateAccountInput = Schema.Struct({
  email: EmailFromInput,
  displayName: DisplayName,
  password: Schema.String
})

/**
 * Creates an active account with a password. `AccountCreated | EmailTaken | PasswordRejected |
 * ValidationFailed`. (Granting it roles is the authorization context's business.)
 */
export const createAccount = fn("Identity.createAccount")(function*(actor: Actor, raw: typeof CreateAccountInput.Encoded) {
  const decoded = Schema.decodeEither(CreateAccountInput, { errors: "all" })(raw)
  if (Either.isLeft(decoded)) return new ValidationFailed({ issues: issuesOf(decoded.left) })
  const input = decoded.right
  const credentials = yield* Credentials
  const auditTrail = yield* AuditTrail
  const problems = passwordProblems(input.password, input.email, credentials.isCommonPassword)
  if (problems.length > 0) return new PasswordRejected({ problems })
  const account = new Account({
    id: AccountId.make(yield* (yield* Ids).next),
    email: input.email,
    displayName: input.displayName,
    status: "active",
    authEpoch: 0,
    createdAt: yield* DateTime.now
  })
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* (yield* Accounts).create(account))) {
      yield* auditTrail.record(audit("accounts.create", actor, "EmailTaken", { reason: input.email }))
      return new EmailTaken()
    }
    yield* credentials.setPassword(account.id, input.password)
    yield* auditTrail.record(audit("accounts.create", actor, "AccountCreated", { account: account.id }))
    return new AccountCreated({ account })
  }))
})
