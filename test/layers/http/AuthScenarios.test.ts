import * as HttpApiClient from "@effect/platform/HttpApiClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Effect, Redacted, Schema } from "effect"
import { AccountId } from "../../../src/domain/shared/Ids.js"
import { BatonApi } from "../../../src/layers/http/BatonApi.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import {
  answer,
  type AuthServer,
  type AuthServices,
  authServers,
  bodyOf,
  challengeFor,
  configure,
  createAdmin,
  enrolledAdmin,
  enrolmentOf,
  enrolTotp,
  login,
  loginAs,
  type Reply,
  request,
  sessionOf,
  totpCode,
  wrongCode
} from "../../support/AuthClient.js"

const email = "ada@example.com"
const password = "correct horse battery staple"
const newPassword = "a brand new passphrase"
/** The second code a test may use: the enrolment took the current step. */
const NEXT_STEP = 30_000

const Tagged = Schema.Struct({ _tag: Schema.String })
const Codes = Schema.Struct({ recoveryCodes: Schema.Array(Schema.String) })
const Challenge = Schema.Struct({ _tag: Schema.Literal("SecondFactorRequired"), challengeToken: Schema.String, expiresAt: Schema.DateTimeUtc })
const Restricted = Schema.Struct({
  _tag: Schema.Literal("TotpEnrollmentRequired"),
  sessionToken: Schema.String,
  session: Schema.Struct({ kind: Schema.Literal("restricted") })
})
const DecodeIssues = Schema.Struct({ _tag: Schema.Literal("HttpApiDecodeError"), issues: Schema.Array(Schema.Struct({ path: Schema.Array(Schema.String) })) })
const Problems = Schema.Struct({ _tag: Schema.Literal("PasswordRejected"), problems: Schema.Array(Schema.String) })
const SessionIds = Schema.Struct({ sessions: Schema.Array(Schema.Struct({ id: Schema.String })) })
const Issued = Schema.Struct({ token: Schema.String, apiToken: Schema.Struct({ id: Schema.String }) })
const TokenIds = Schema.Struct({ tokens: Schema.Array(Schema.Struct({ id: Schema.String })) })
const Me = Schema.Struct({ _tag: Schema.Literal("Me"), totpEnabled: Schema.Boolean })

const me = (bearer: string) => request("GET", "/me", { bearer })
const statusOf = (reply: Reply) => reply.status
const changePassword = (bearer: string, currentPassword: string, next: string) =>
  request("POST", "/me/password", { bearer, body: { currentPassword, newPassword: next } })

const assertOutcome = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text)
  assert.deepStrictEqual(reply.body, { _tag: tag })
}

const assertLocked = (reply: Reply) => {
  assert.strictEqual(reply.status, 423, reply.text)
  const seconds = Number(reply.headers["retry-after"])
  assert.isTrue(seconds > 0 && seconds <= 60, `Retry-After: ${reply.headers["retry-after"]}`)
  assert.deepStrictEqual(reply.body, { _tag: "AccountLocked", retryAfterSeconds: seconds })
}

/** `it.live` over a fresh server (fresh storage) of the family. */
const scenarioOn = (server: AuthServer) => (name: string, body: () => Effect.Effect<void, unknown, AuthServices>) =>
  it.live(name, () => Effect.suspend(body).pipe(Effect.provide(server.layer)))

for (const server of authServers) {
  describe(`admin authentication over HTTP: ${server.name}`, () => {
    const scenario = scenarioOn(server)

    scenario("login answers 200 Authenticated with a session; the typed client decodes every status as its outcome", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const { id, token } = yield* sessionOf(yield* login(email, password))
        assert.strictEqual(statusOf(yield* me(token)), 200)
        const client = yield* HttpApiClient.make(BatonApi)
        const typed = yield* client.auth.login({ payload: { email: "  ADA@Example.com ", password } })
        assert.isTrue(typed._tag === "Authenticated" && typed.session.id !== id && Redacted.value(typed.sessionToken).length >= 43)
        assert.strictEqual((yield* client.auth.login({ payload: { email, password: "wrong" } }))._tag, "InvalidCredentials")
        assert.strictEqual((yield* Effect.flip(client.me.me()))._tag, "Unauthorized")
      }))

    scenario("login answers 401 InvalidCredentials, byte for byte alike, for a wrong password and an unknown email", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const wrong = yield* login(email, "not the password at all")
        const unknown = yield* login("nobody@example.com", password)
        assertOutcome(wrong, 401, "InvalidCredentials")
        assert.strictEqual(unknown.status, 401)
        assert.strictEqual(unknown.text, wrong.text)
      }))

    scenario("the fifth wrong password locks the email (423, Retry-After), known or unknown alike; the right password is then refused", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const locks: Array<Reply> = []
        for (const subject of [email, "nobody@example.com"]) {
          for (let i = 1; i <= 4; i++) assertOutcome(yield* login(subject, `wrong password ${i}`), 401, "InvalidCredentials")
          locks.push(yield* login(subject, "wrong password 5"))
        }
        locks.forEach(assertLocked)
        assert.strictEqual(locks[1]!.text, locks[0]!.text)
        assertLocked(yield* login(email, password))
        assertLocked(yield* login(" NOBODY@example.com", password))
      }))

    scenario("login answers 400 with the issues without a password, and 503 FeatureDisabled when auth.login.enabled is off", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const invalid = yield* request("POST", "/auth/login", { body: { email } })
        assert.strictEqual(invalid.status, 400)
        assert.deepStrictEqual((yield* bodyOf(invalid, DecodeIssues)).issues.map((issue) => issue.path), [["password"]])
        yield* configure("auth.login.enabled", false)
        const disabled = yield* login(email, password)
        assert.strictEqual(disabled.status, 503)
        assert.deepStrictEqual(disabled.body, { _tag: "FeatureDisabled", feature: "auth.login.enabled" })
      }))

    scenario("with auth.totp.required, login answers 200 TotpEnrollmentRequired: a restricted session that may only enrol", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        yield* configure("auth.totp.required", true)
        const reply = yield* login(email, password)
        assert.strictEqual(reply.status, 200)
        const bearer = (yield* bodyOf(reply, Restricted)).sessionToken
        const refusals = [
          yield* changePassword(bearer, password, newPassword),
          yield* request("POST", "/auth/reauthenticate", { bearer, body: { password } }),
          yield* request("GET", "/me/sessions", { bearer }),
          yield* request("POST", "/me/tokens", { bearer, body: { name: "ci" } }),
          yield* request("POST", "/me/recovery-codes", { bearer })
        ]
        for (const refused of refusals) assertOutcome(refused, 403, "SessionRequired")
        yield* enrolTotp(bearer)
        assert.strictEqual(statusOf(yield* me(bearer)), 401)
        yield* challengeFor(email, password)
      }))

    scenario("a disabled account: 403 AccountNotActive for the right password or an open challenge, 401 for its session and token", () =>
      Effect.gen(function*() {
        const { secret } = yield* enrolledAdmin(email, password)
        const session = yield* sessionOf(yield* answer("totp", yield* challengeFor(email, password), totpCode(secret, NEXT_STEP)))
        const { token } = yield* bodyOf(yield* request("POST", "/me/tokens", { bearer: session.token, body: { name: "ci" } }), Issued)
        const pending = yield* challengeFor(email, password)
        const { account } = yield* bodyOf(yield* me(session.token), Schema.Struct({ account: Schema.Struct({ id: AccountId }) }))
        yield* (yield* Accounts).setStatus(account.id, "disabled")
        assertOutcome(yield* login(email, password), 403, "AccountNotActive")
        assertOutcome(yield* login(email, "not the password at all"), 401, "InvalidCredentials")
        assertOutcome(yield* answer("totp", pending, totpCode(secret)), 403, "AccountNotActive")
        assertOutcome(yield* answer("recovery", pending, "not-a-code"), 403, "AccountNotActive")
        assert.strictEqual(statusOf(yield* me(session.token)), 401)
        assert.strictEqual(statusOf(yield* me(token)), 401)
      }))

    scenario("TOTP enrolment: secret, URI, QR; wrong code 422; right code 200 with 10 recovery codes, ends the other sessions, arms the challenge; again 409", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const other = yield* loginAs(email, password)
        const { token } = yield* loginAs(email, password)
        const confirm = (bearer: string, code: string) => request("POST", "/me/totp/enrollment/confirm", { bearer, body: { code } })
        assertOutcome(yield* confirm(token, "123456"), 409, "TotpNotEnrolled")
        const started = yield* request("POST", "/me/totp/enrollment", { bearer: token })
        assert.strictEqual(started.status, 200)
        const { qrSvg, secret, uri } = yield* enrolmentOf(started)
        assert.match(secret, /^[A-Z2-7]{32}$/)
        assert.isTrue(uri.startsWith("otpauth://totp/"), uri)
        assert.isTrue(qrSvg.startsWith("<svg"), qrSvg.slice(0, 40))
        assertOutcome(yield* confirm(token, wrongCode(secret)), 422, "SecondFactorRejected")
        const confirmed = yield* confirm(token, totpCode(secret))
        assert.strictEqual(confirmed.status, 200)
        assert.strictEqual(new Set((yield* bodyOf(confirmed, Codes)).recoveryCodes).size, 10)
        assert.strictEqual(statusOf(yield* me(token)), 200, "the enrolling session carries on")
        assert.strictEqual(statusOf(yield* me(other.token)), 401, "every other session ends")
        const fresh = yield* sessionOf(yield* answer("totp", yield* challengeFor(email, password), totpCode(secret, NEXT_STEP)))
        assertOutcome(yield* request("POST", "/me/totp/enrollment", { bearer: fresh.token }), 409, "AlreadyEnrolled")
        assertOutcome(yield* confirm(fresh.token, totpCode(secret, NEXT_STEP)), 409, "AlreadyEnrolled")
        assert.isTrue((yield* bodyOf(yield* me(fresh.token), Me)).totpEnabled)
      }))

    scenario("/auth/totp: 202 challenge; enrolment code replayed 401; fresh code 200; reused code 401; unknown or answered challenge 410", () =>
      Effect.gen(function*() {
        const { enrolmentCode, secret } = yield* enrolledAdmin(email, password)
        const challenged = yield* login(email, password)
        assert.strictEqual(challenged.status, 202)
        const { challengeToken: first, expiresAt } = yield* bodyOf(challenged, Challenge)
        const lifetime = Duration.toMinutes(DateTime.distanceDuration(yield* DateTime.now, expiresAt))
        assert.isTrue(lifetime > 4.9 && lifetime <= 5, `challenge lifetime ${lifetime} min`)
        assertOutcome(yield* answer("totp", first, enrolmentCode), 401, "SecondFactorRejected")
        const code = totpCode(secret, NEXT_STEP)
        const { token } = yield* sessionOf(yield* answer("totp", first, code))
        assert.strictEqual(statusOf(yield* me(token)), 200)
        assertOutcome(yield* answer("totp", yield* challengeFor(email, password), code), 401, "SecondFactorRejected")
        assertOutcome(yield* answer("totp", first, totpCode(secret)), 410, "ChallengeExpired")
        assertOutcome(yield* answer("totp", "no-such-challenge", totpCode(secret)), 410, "ChallengeExpired")
      }))

    scenario("the fifth wrong code locks the second factor (423, Retry-After) for TOTP and recovery codes alike", () =>
      Effect.gen(function*() {
        const { recoveryCodes, secret } = yield* enrolledAdmin(email, password)
        const challengeToken = yield* challengeFor(email, password)
        for (let i = 1; i <= 4; i++) assertOutcome(yield* answer("totp", challengeToken, wrongCode(secret)), 401, "SecondFactorRejected")
        assertLocked(yield* answer("totp", challengeToken, wrongCode(secret)))
        const next = yield* challengeFor(email, password)
        assertLocked(yield* answer("totp", next, totpCode(secret, NEXT_STEP)))
        assertLocked(yield* answer("recovery", next, recoveryCodes[0]!))
      }))

    scenario("/auth/recovery: a recovery code opens a session once (9 left), then answers 401", () =>
      Effect.gen(function*() {
        const { recoveryCodes } = yield* enrolledAdmin(email, password)
        const code = recoveryCodes[0]!
        const used = yield* answer("recovery", yield* challengeFor(email, password), code)
        yield* sessionOf(used)
        assert.strictEqual((yield* bodyOf(used, Schema.Struct({ recoveryCodesRemaining: Schema.Number }))).recoveryCodesRemaining, 9)
        assertOutcome(yield* answer("recovery", yield* challengeFor(email, password), code), 401, "SecondFactorRejected")
        assertOutcome(yield* answer("recovery", "no-such-challenge", recoveryCodes[1]!), 410, "ChallengeExpired")
      }))

    scenario("a fresh session regenerates the recovery codes (old ones die) and removes TOTP, ending the other sessions", () =>
      Effect.gen(function*() {
        const { recoveryCodes, secret } = yield* enrolledAdmin(email, password)
        const current = yield* sessionOf(yield* answer("totp", yield* challengeFor(email, password), totpCode(secret, NEXT_STEP)))
        const regenerated = yield* request("POST", "/me/recovery-codes", { bearer: current.token })
        assert.strictEqual(regenerated.status, 200)
        const renewed = (yield* bodyOf(regenerated, Codes)).recoveryCodes
        assert.strictEqual(new Set(renewed).size, 10)
        assertOutcome(yield* answer("recovery", yield* challengeFor(email, password), recoveryCodes[1]!), 401, "SecondFactorRejected")
        const other = yield* sessionOf(yield* answer("recovery", yield* challengeFor(email, password), renewed[0]!))
        assertOutcome(yield* request("DELETE", "/me/totp", { bearer: current.token }), 200, "TotpDisabled")
        assert.isFalse((yield* bodyOf(yield* me(current.token), Me)).totpEnabled)
        assert.strictEqual(statusOf(yield* me(other.token)), 401)
        assertOutcome(yield* request("DELETE", "/me/totp", { bearer: current.token }), 409, "TotpNotEnrolled")
        assertOutcome(yield* request("POST", "/me/recovery-codes", { bearer: current.token }), 409, "TotpNotEnrolled")
        yield* loginAs(email, password)
      }))

    scenario("password change: wrong current 401; short or common 422 with problems; valid 200 ends the other sessions; re-authentication, locked too", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const current = yield* loginAs(email, password)
        const other = yield* loginAs(email, password)
        assertOutcome(yield* changePassword(current.token, "not the password", newPassword), 401, "InvalidCredentials")
        const problems = (weak: string) =>
          Effect.gen(function*() {
            const rejected = yield* changePassword(current.token, password, weak)
            assert.strictEqual(rejected.status, 422)
            return (yield* bodyOf(rejected, Problems)).problems
          })
        assert.include(yield* problems("too short"), "must be at least 12 characters")
        assert.deepStrictEqual(yield* problems("password1234"), ["is a commonly used password"])
        const changed = yield* changePassword(current.token, password, newPassword)
        assert.strictEqual(changed.status, 200)
        assert.deepStrictEqual(changed.body, { _tag: "PasswordChanged", otherSessionsEnded: 1 })
        assert.strictEqual(statusOf(yield* me(other.token)), 401)
        assert.strictEqual(statusOf(yield* me(current.token)), 200)
        assertOutcome(yield* login(email, password), 401, "InvalidCredentials")
        const reauthenticate = (attempt: string) => request("POST", "/auth/reauthenticate", { bearer: current.token, body: { password: attempt } })
        assertOutcome(yield* reauthenticate(password), 401, "InvalidCredentials")
        const proven = yield* reauthenticate(newPassword)
        assert.strictEqual(proven.status, 200)
        assert.strictEqual((yield* bodyOf(proven, Tagged))._tag, "Reauthenticated")
        yield* loginAs(email, newPassword)
        for (let i = 1; i <= 4; i++) assertOutcome(yield* reauthenticate(`wrong password ${i}`), 401, "InvalidCredentials")
        assertLocked(yield* reauthenticate("wrong password 5"))
        assertLocked(yield* reauthenticate(newPassword))
      }))

    scenario("sessions: list newest first; revoke one (404 when unknown, gone or another account's); revoke the others; log out", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        yield* createAdmin("bob@example.com", password)
        const bob = yield* loginAs("bob@example.com", password)
        const current = yield* loginAs(email, password)
        const second = yield* loginAs(email, password)
        const third = yield* loginAs(email, password)
        const list = Effect.flatMap(request("GET", "/me/sessions", { bearer: current.token }), (reply) => bodyOf(reply, SessionIds))
        assert.deepStrictEqual((yield* list).sessions.map((s) => s.id), [third.id, second.id, current.id])
        assert.strictEqual(statusOf(yield* request("DELETE", `/me/sessions/${second.id}`, { bearer: current.token })), 204)
        assert.strictEqual(statusOf(yield* me(second.token)), 401)
        for (const id of ["no-such-session", second.id, bob.id]) {
          const missing = yield* request("DELETE", `/me/sessions/${id}`, { bearer: current.token })
          assert.strictEqual(missing.status, 404, id)
          assert.strictEqual((yield* bodyOf(missing, Tagged))._tag, "NotFound")
        }
        assert.strictEqual(statusOf(yield* me(bob.token)), 200)
        assert.strictEqual(statusOf(yield* request("DELETE", "/me/sessions?scope=others", { bearer: current.token })), 204)
        assert.strictEqual(statusOf(yield* me(third.token)), 401)
        assert.deepStrictEqual((yield* list).sessions.map((s) => s.id), [current.id])
        assert.strictEqual(statusOf(yield* request("POST", "/auth/logout", { bearer: current.token })), 204)
        assert.strictEqual(statusOf(yield* me(current.token)), 401)
      }))

    scenario("API tokens: 201 shown once; authenticate GET /me; 403 SessionRequired on every credential endpoint; revoked at once (204), then 404", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const session = yield* loginAs(email, password)
        const bearer = session.token
        const issuedReply = yield* request("POST", "/me/tokens", { bearer, body: { name: "ci" } })
        assert.strictEqual(issuedReply.status, 201)
        const issued = yield* bodyOf(issuedReply, Issued)
        assert.isTrue(issued.token.startsWith("baton_pat_"), issued.token)
        const listed = yield* request("GET", "/me/tokens", { bearer })
        assert.deepStrictEqual((yield* bodyOf(listed, TokenIds)).tokens.map((t) => t.id), [issued.apiToken.id])
        assert.notInclude(listed.text, issued.token)
        assert.strictEqual(statusOf(yield* me(issued.token)), 200)
        const asToken = (method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
          request(method, path, { bearer: issued.token, ...(body === undefined ? {} : { body }) })
        const refusals = [
          yield* changePassword(issued.token, password, newPassword),
          yield* asToken("POST", "/me/tokens", { name: "minted by a token" }),
          yield* asToken("POST", "/me/totp/enrollment"),
          yield* asToken("POST", "/me/totp/enrollment/confirm", { code: "123456" }),
          yield* asToken("DELETE", "/me/totp"),
          yield* asToken("POST", "/me/recovery-codes"),
          yield* asToken("POST", "/auth/reauthenticate", { password }),
          yield* asToken("POST", "/auth/logout"),
          yield* asToken("GET", "/me/sessions"),
          yield* asToken("DELETE", `/me/sessions/${session.id}`),
          yield* asToken("DELETE", "/me/sessions?scope=others"),
          yield* asToken("GET", "/me/tokens"),
          yield* asToken("DELETE", `/me/tokens/${issued.apiToken.id}`)
        ]
        for (const refused of refusals) assertOutcome(refused, 403, "SessionRequired")
        assert.strictEqual(statusOf(yield* me(issued.token)), 200)
        assert.strictEqual(statusOf(yield* me(bearer)), 200)
        assert.strictEqual(statusOf(yield* request("DELETE", `/me/tokens/${issued.apiToken.id}`, { bearer })), 204)
        assert.strictEqual(statusOf(yield* me(issued.token)), 401)
        for (const id of [issued.apiToken.id, "no-such-token"]) {
          assert.strictEqual(statusOf(yield* request("DELETE", `/me/tokens/${id}`, { bearer })), 404, id)
        }
      }))

    scenario("bearer: missing, empty, garbage, revoked and logged-out credentials all get one byte-identical 401", () =>
      Effect.gen(function*() {
        yield* createAdmin(email, password)
        const current = yield* loginAs(email, password)
        const revoked = yield* loginAs(email, password)
        const loggedOut = yield* loginAs(email, password)
        assert.strictEqual(statusOf(yield* request("DELETE", `/me/sessions/${revoked.id}`, { bearer: current.token })), 204)
        assert.strictEqual(statusOf(yield* request("POST", "/auth/logout", { bearer: loggedOut.token })), 204)
        const replies = [
          yield* request("GET", "/me"),
          yield* request("GET", "/me", { authorization: "Bearer " }),
          yield* request("GET", "/me", { bearer: "garbage" }),
          yield* request("GET", "/me", { bearer: "baton_pat_garbage" }),
          yield* me(revoked.token),
          yield* me(loggedOut.token)
        ]
        assert.deepStrictEqual(replies[0]!.body, { _tag: "Unauthorized", message: "authentication required" })
        for (const reply of replies) {
          assert.strictEqual(reply.status, 401)
          assert.strictEqual(reply.text, replies[0]!.text)
        }
        assert.strictEqual(statusOf(yield* me(current.token)), 200)
      }))
  })
}

/**
 * Regressions of contract breaches found by these scenarios (fixed). The orchestrators are the
 * same over every adapter, so each runs once, over memory.
 */
describe("admin authentication over HTTP: regressions (memory)", () => {
  const scenario = scenarioOn(authServers[0]!)

  scenario("a restricted session may log out (204), after which its token answers 401", () =>
    Effect.gen(function*() {
      yield* createAdmin(email, password)
      yield* configure("auth.totp.required", true)
      const { sessionToken } = yield* bodyOf(yield* login(email, password), Restricted)
      assert.strictEqual(statusOf(yield* request("POST", "/auth/logout", { bearer: sessionToken })), 204)
      assert.strictEqual(statusOf(yield* me(sessionToken)), 401)
    }))

  scenario("the fifth wrong current password locks POST /me/password (423, Retry-After): the right one is then refused too", () =>
    Effect.gen(function*() {
      yield* createAdmin(email, password)
      const { token } = yield* loginAs(email, password)
      for (let i = 1; i <= 4; i++) assertOutcome(yield* changePassword(token, `wrong password ${i}`, newPassword), 401, "InvalidCredentials")
      assertLocked(yield* changePassword(token, "wrong password 5", newPassword))
      assertLocked(yield* request("POST", "/auth/reauthenticate", { bearer: token, body: { password } }))
      assertLocked(yield* changePassword(token, password, newPassword))
      assertLocked(yield* login(email, newPassword))
    }))

  scenario("only the Bearer scheme authenticates (any case), and a token cannot be issued already expired", () =>
    Effect.gen(function*() {
      yield* createAdmin(email, password)
      const { token } = yield* loginAs(email, password)
      assert.strictEqual(statusOf(yield* request("GET", "/me", { authorization: `bearer ${token}` })), 200)
      assert.strictEqual(statusOf(yield* request("GET", "/me", { authorization: `Digest ${token}` })), 401)
      assert.strictEqual(statusOf(yield* request("GET", "/me", { authorization: `Basic  ${token}` })), 401)
      const expired = yield* request("POST", "/me/tokens", { bearer: token, body: { name: "ci", expiresAt: "2000-01-01T00:00:00Z" } })
      assert.deepStrictEqual([expired.status, expired.body], [422, { _tag: "ValidationFailed", issues: [{ path: "expiresAt", message: "must be in the future" }] }])
    }))
})
