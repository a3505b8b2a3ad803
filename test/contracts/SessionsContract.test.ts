import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Cause, DateTime, Effect, Exit, Option, Schema } from "effect"
import { Challenge, CHALLENGE_ATTEMPTS } from "../../src/domain/identity/Challenge.js"
import { Device, Session } from "../../src/domain/identity/Session.js"
import { InvariantViolation } from "../../src/domain/shared/Defects.js"
import { AccountId, SessionId } from "../../src/domain/shared/Ids.js"
import * as Tokens from "../../src/layers/crypto/Tokens.js"
import { type OpenSession, Sessions } from "../../src/orchestration/identity/Sessions.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import { assertEncoded, identityFamilies, sqlIdentityFamilies } from "../support/IdentityFamilies.js"

const ada = AccountId.make("account-ada")
const bob = AccountId.make("account-bob")
const firefox = new Device({ userAgent: "Mozilla/5.0 Firefox/128.0", ip: "203.0.113.7" })
const curl = new Device({ userAgent: "curl/8.5.0", ip: "2001:db8::1" })
const at = (seconds: number) => DateTime.unsafeMake(1_700_000_000_000 + seconds * 1000)

const opening = (accountId: AccountId, seconds: number, device = firefox): OpenSession => ({
  accountId,
  kind: "full",
  authEpoch: 3,
  device,
  now: at(seconds),
  expiresAt: at(seconds + 3600)
})

const assertSession = (actual: Option.Option<Session>, expected: Option.Option<Session>) =>
  assertEncoded(Schema.Option(Session), actual, expected)
const ids = (sessions: ReadonlyArray<Session>) => sessions.map((s) => s.id)

for (const family of identityFamilies) {
  describe.skipIf(family.skip)(`Sessions contract: ${family.name}`, () => {
    it.live("opens a session with every field and finds it by its token only", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const { session, token } = yield* sessions.open({ ...opening(ada, 0), kind: "restricted" })
        const expected = new Session({
          id: session.id,
          accountId: ada,
          kind: "restricted",
          authEpoch: 3,
          device: firefox,
          createdAt: at(0),
          lastSeenAt: at(0),
          authenticatedAt: at(0),
          expiresAt: at(3600),
          revokedAt: Option.none()
        })
        assertSession(Option.some(session), Option.some(expected))
        assert.isAtLeast(token.length, 43)
        assertSession(yield* sessions.findByToken(token), Option.some(expected))
        assertSession(yield* sessions.find(ada, session.id), Option.some(expected))
        assertSession(yield* sessions.find(bob, session.id), Option.none())
        assertSession(yield* sessions.findByToken(Tokens.digest(token)), Option.none())
        assertSession(yield* sessions.findByToken(Tokens.mint()), Option.none())
        assertSession(yield* sessions.findByToken(""), Option.none())
        const other = yield* sessions.open(opening(ada, 1))
        assert.notStrictEqual(other.token, token)
        assert.notStrictEqual(other.session.id, session.id)
        assert.strictEqual(Option.getOrNull(Option.map(yield* sessions.findByToken(other.token), (s) => s.id)), other.session.id)
      }).pipe(Effect.provide(family.layer)))

    it.live("lists the account's live sessions newest first, without revoked, expired or others' ones", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const first = yield* sessions.open(opening(ada, 0))
        const second = yield* sessions.open(opening(ada, 10))
        const third = yield* sessions.open(opening(ada, 20))
        const short = yield* sessions.open({ ...opening(ada, 30), expiresAt: at(100) })
        yield* sessions.open(opening(bob, 40))
        assert.deepStrictEqual(ids(yield* sessions.list(ada, at(50))), ids([short.session, third.session, second.session, first.session]))
        assert.deepStrictEqual(ids(yield* sessions.list(ada, at(100))), ids([third.session, second.session, first.session]))
        yield* sessions.revoke(ada, { only: second.session.id }, at(101))
        assert.deepStrictEqual(ids(yield* sessions.list(ada, at(101))), ids([third.session, first.session]))
        assert.deepStrictEqual(yield* sessions.list(AccountId.make("nobody"), at(0)), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("knows a device by the user agents of the account's earlier sessions, revoked ones included", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        assert.isFalse(yield* sessions.isKnownDevice(ada, firefox))
        yield* sessions.open(opening(ada, 0))
        yield* sessions.revoke(ada, "all", at(1))
        assert.isTrue(yield* sessions.isKnownDevice(ada, new Device({ userAgent: firefox.userAgent, ip: "198.51.100.9" })))
        assert.isFalse(yield* sessions.isKnownDevice(ada, curl))
        assert.isFalse(yield* sessions.isKnownDevice(bob, firefox))
      }).pipe(Effect.provide(family.layer)))

    it.live("touches the last-seen time and records re-authentication, on that session only", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const { session } = yield* sessions.open(opening(ada, 0))
        const other = yield* sessions.open(opening(ada, 1))
        yield* sessions.touch(session.id, at(60))
        assertSession(yield* sessions.find(ada, session.id), Option.some(new Session({ ...session, lastSeenAt: at(60) })))
        yield* sessions.reauthenticated(session.id, at(90), 4)
        assertSession(
          yield* sessions.find(ada, session.id),
          Option.some(new Session({ ...session, lastSeenAt: at(60), authenticatedAt: at(90), authEpoch: 4 }))
        )
        yield* sessions.touch(SessionId.make("unknown"), at(95))
        assertSession(yield* sessions.find(ada, other.session.id), Option.some(other.session))
      }).pipe(Effect.provide(family.layer)))

    it.live("revokes one, all but one, or all of the account's sessions, and never another account's", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const [a1, a2, a3, a4] = yield* Effect.forEach([0, 1, 2, 3], (n) => sessions.open(opening(ada, n)))
        const b1 = yield* sessions.open(opening(bob, 4))
        assert.strictEqual(yield* sessions.revoke(ada, { only: b1.session.id }, at(10)), 0)
        assert.strictEqual(yield* sessions.revoke(bob, { only: a1!.session.id }, at(10)), 0)
        assert.strictEqual(yield* sessions.revoke(ada, { only: a1!.session.id }, at(10)), 1)
        assert.strictEqual(yield* sessions.revoke(ada, { only: a1!.session.id }, at(11)), 0)
        assert.strictEqual(yield* sessions.revoke(ada, { allBut: a4!.session.id }, at(12)), 2)
        assert.deepStrictEqual(ids(yield* sessions.list(ada, at(13))), [a4!.session.id])
        assertSession(yield* sessions.find(ada, a1!.session.id), Option.some(new Session({ ...a1!.session, revokedAt: Option.some(at(10)) })))
        assertSession(yield* sessions.find(ada, a2!.session.id), Option.some(new Session({ ...a2!.session, revokedAt: Option.some(at(12)) })))
        assert.strictEqual(yield* sessions.revoke(ada, "all", at(14)), 1)
        assert.strictEqual(yield* sessions.revoke(ada, "all", at(15)), 0)
        assertSession(yield* sessions.find(ada, a3!.session.id), Option.some(new Session({ ...a3!.session, revokedAt: Option.some(at(12)) })))
        assertSession(yield* sessions.findByToken(b1.token), Option.some(b1.session))
        assert.deepStrictEqual(ids(yield* sessions.list(bob, at(15))), [b1.session.id])
      }).pipe(Effect.provide(family.layer)))

    it.live("opens a second-factor challenge and finds it by its token only", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const { challenge, token } = yield* sessions.openChallenge({ accountId: ada, device: curl, now: at(0), expiresAt: at(300) })
        const expected = new Challenge({ id: challenge.id, accountId: ada, device: curl, createdAt: at(0), expiresAt: at(300), attempts: 0 })
        assertEncoded(Schema.Option(Challenge), Option.some(challenge), Option.some(expected))
        assertEncoded(Schema.Option(Challenge), yield* sessions.findChallenge(token), Option.some(expected))
        assert.isAtLeast(token.length, 43)
        assert.isTrue(Option.isNone(yield* sessions.findChallenge(Tokens.digest(token))))
        assert.isTrue(Option.isNone(yield* sessions.findChallenge(Tokens.mint())))
        const session = yield* sessions.open(opening(ada, 1))
        assert.isTrue(Option.isNone(yield* sessions.findChallenge(session.token)))
        assert.isTrue(Option.isNone(yield* sessions.findByToken(token)))
      }).pipe(Effect.provide(family.layer)))

    it.live("counts challenge attempts atomically: 10 concurrent attempts count 1 to 10", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const { challenge, token } = yield* sessions.openChallenge({ accountId: ada, device: curl, now: at(0), expiresAt: at(300) })
        const counts = yield* Effect.all(Arr.replicate(sessions.countChallengeAttempt(challenge.id), 10), { concurrency: "unbounded" })
        assert.deepStrictEqual([...counts].sort((a, b) => a - b), Arr.range(1, 10))
        assert.strictEqual(Option.getOrNull(Option.map(yield* sessions.findChallenge(token), (c) => c.attempts)), 10)
      }).pipe(Effect.provide(family.layer)))

    it.live("consumes a challenge once: of 10 concurrent answers exactly one wins", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const { challenge, token } = yield* sessions.openChallenge({ accountId: ada, device: curl, now: at(0), expiresAt: at(300) })
        const other = yield* sessions.openChallenge({ accountId: ada, device: curl, now: at(1), expiresAt: at(301) })
        const won = yield* Effect.all(Arr.replicate(sessions.consumeChallenge(challenge.id), 10), { concurrency: "unbounded" })
        assert.strictEqual(won.filter((w) => w).length, 1)
        assert.isTrue(Option.isNone(yield* sessions.findChallenge(token)))
        assert.isAbove(yield* sessions.countChallengeAttempt(challenge.id), CHALLENGE_ATTEMPTS)
        assert.isTrue(Option.isSome(yield* sessions.findChallenge(other.token)))
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlIdentityFamilies) {
  describe.skipIf(family.skip)(`Sessions storage: ${family.name}`, () => {
    it.live("stores only the SHA-256 of session and challenge tokens", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const sql = yield* SqlClient.SqlClient
        const { session, token } = yield* sessions.open(opening(ada, 0))
        const challenge = yield* sessions.openChallenge({ accountId: ada, device: curl, now: at(0), expiresAt: at(300) })
        const stored = yield* sql<{ token_hash: string }>`
          SELECT token_hash FROM baton_sessions WHERE id = ${session.id}
          UNION ALL SELECT token_hash FROM baton_challenges WHERE id = ${challenge.challenge.id}`
        assert.deepStrictEqual(stored.map((row) => row.token_hash), [Tokens.digest(token), Tokens.digest(challenge.token)])
        assert.notInclude(stored.map((row) => row.token_hash), token)
        assert.notInclude(stored.map((row) => row.token_hash), challenge.token)
      }).pipe(Effect.provide(family.layer)))

    it.live("reports a row that does not decode as an invariant violation", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        const { session, token } = yield* sessions.open(opening(ada, 0))
        yield* (yield* SqlClient.SqlClient)`UPDATE baton_sessions SET kind = 'superuser' WHERE id = ${session.id}`
        const exit = yield* Effect.exit(sessions.findByToken(token))
        const defect = Exit.isFailure(exit) ? Option.getOrNull(Cause.dieOption(exit.cause)) : null
        assert.instanceOf(defect, InvariantViolation)
      }).pipe(Effect.provide(family.layer)))

    it.live("reports a broken store as a RepositoryError, never as an empty result", () =>
      Effect.gen(function*() {
        const sessions = yield* Sessions
        yield* (yield* SqlClient.SqlClient)`DROP TABLE baton_sessions`
        const errors = yield* Effect.all([
          Effect.flip(sessions.list(ada, at(0))),
          Effect.flip(sessions.findByToken(Tokens.mint())),
          Effect.flip(sessions.isKnownDevice(ada, curl))
        ])
        for (const error of errors) assert.instanceOf(error, RepositoryError)
      }).pipe(Effect.provide(family.layer)))
  })
}
