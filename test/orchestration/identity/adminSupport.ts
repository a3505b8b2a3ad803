import { assert } from "@effect/vitest"
import { Effect, Option, Redacted, Schema } from "effect"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { AccountId } from "../../../src/domain/shared/Ids.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import { authenticate } from "../../../src/orchestration/identity/authenticate.js"
import { createAccount } from "../../../src/orchestration/identity/createAccount.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { issueToken } from "../../../src/orchestration/identity/manageTokens.js"
import { grant } from "../../support/Access.js"
import { pendingAudit, pendingNotifications } from "../../support/Intents.js"
import { actorOf, device } from "./support.js"

export const system = new SystemActor({ component: "test" })
export const password = "correct horse battery staple"

/** An active account with a password, holding the platform roles given. */
export const accountWith = (email: string, roles: ReadonlyArray<string> = ["platform-admin"]) =>
  Effect.gen(function*() {
    const created = yield* createAccount(system, { email, displayName: email.slice(0, email.indexOf("@")), password })
    if (created._tag !== "AccountCreated") return assert.fail(`account not created: ${created._tag}`)
    for (const role of roles) yield* grant(created.account.id, role)
    return created.account.id
  })

/** Logs in with the password: the session's bearer token. */
export const sessionToken = (email: string, secret = password) =>
  Effect.map(login({ email, password: secret, device }), (outcome) =>
    outcome._tag === "Authenticated" ? Redacted.value(outcome.sessionToken) : assert.fail(`not authenticated: ${outcome._tag}`))

/** Logs in and answers the actor of the new session. */
export const signIn = (email: string, secret = password) => Effect.flatMap(sessionToken(email, secret), actorOf)

/** Issues an API token in the session of `email`: the token. */
export const apiToken = (email: string) =>
  Effect.gen(function*() {
    const issued = yield* issueToken(yield* signIn(email), { name: "ci", scopes: [], expiresAt: Option.none() })
    return issued._tag === "TokenIssued" ? Redacted.value(issued.token) : assert.fail(issued._tag)
  })

/** Whether a bearer (session or API token) still authenticates. */
export const authenticates = (bearer: string) => Effect.map(authenticate(bearer, device), (outcome) => outcome._tag === "Valid")

export const statusOf = (id: AccountId) =>
  Effect.flatMap(Accounts, (accounts) => Effect.map(accounts.findById(id), (a) => Option.getOrNull(Option.map(a, (x) => x.status))))

const InvitedData = Schema.Struct({ email: Schema.String, token: Schema.String, role: Schema.String, expiresAt: Schema.String })

/** The `admins.invited` notifications pending in the outbox, oldest first. */
export const invitations = Effect.flatMap(pendingNotifications, (intents) =>
  Effect.forEach(intents.filter((i) => i.kind === "admins.invited"), (i) =>
    Effect.map(Schema.decodeUnknown(InvitedData)(i.data), (data) => ({ ...data, audience: i.audience, category: i.category }))))

/** The latest invitation token sent to `email`. */
export const inviteTokenOf = (email: string) =>
  Effect.map(invitations, (sent) => sent.filter((s) => s.email === email).at(-1)?.token ?? assert.fail(`no invitation to ${email}`))

/** The notification kinds pending for an account. */
export const noticesFor = (id: AccountId) =>
  Effect.map(pendingNotifications, (intents) =>
    intents.flatMap((i) => (i.audience._tag === "AccountAudience" && i.audience.accountId === id ? [i.kind] : [])))

/** The pending audit intents of an action: `[outcome, reason]`. */
export const audited = (action: string) =>
  Effect.map(pendingAudit, (intents) => intents.filter((i) => i.action === action).map((i) => [i.outcome, i.reason ?? ""] as const))

export const accountId = AccountId.make
