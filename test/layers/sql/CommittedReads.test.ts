import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import Sqlite from "better-sqlite3"
import { Context, DateTime, Effect, Fiber, Layer, Option, Redacted, TestClock } from "effect"
import { Account } from "../../../src/domain/identity/Account.js"
import { Email } from "../../../src/domain/identity/Email.js"
import { Device } from "../../../src/domain/identity/Session.js"
import { Membership } from "../../../src/domain/identity/Membership.js"
import { Tenant } from "../../../src/domain/identity/Tenant.js"
import type { Ability } from "../../../src/domain/access/Ability.js"
import { AccessScope } from "../../../src/domain/access/AccessScope.js"
import { RoleGrant, RoleName } from "../../../src/domain/access/Role.js"
import { SessionIdleTimeoutMinutes } from "../../../src/domain/settings/Catalogue.js"
import { AccountActor, type Actor } from "../../../src/domain/shared/Actor.js"
import { AccountId, TenantId } from "../../../src/domain/shared/Ids.js"
import * as GrantsAuthorizationResolver from "../../../src/layers/access/GrantsAuthorizationResolver.js"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as Authentication from "../../../src/layers/http/Authentication.js"
import type { ServiceUnavailable, Unauthorized } from "../../../src/layers/http/HttpErrors.js"
import * as BatonHttp from "../../../src/layers/http/HttpServer.js"
import * as RecordingNotificationChannels from "../../../src/layers/memory/RecordingNotificationChannels.js"
import * as AccessGeneration from "../../../src/layers/sql/AccessGeneration.js"
import * as Database from "../../../src/layers/sql/Database.js"
import * as Migrations from "../../../src/layers/sql/Migrations.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import { AuthorizationResolver } from "../../../src/orchestration/access/AuthorizationResolver.js"
import { Roles } from "../../../src/orchestration/access/Roles.js"
import { AuditTrail } from "../../../src/orchestration/audit/AuditTrail.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import { ApiTokens } from "../../../src/orchestration/identity/ApiTokens.js"
import { authenticate } from "../../../src/orchestration/identity/authenticate.js"
import { Credentials } from "../../../src/orchestration/identity/Credentials.js"
import { Memberships } from "../../../src/orchestration/identity/Memberships.js"
import { Sessions } from "../../../src/orchestration/identity/Sessions.js"
import { Tenants } from "../../../src/orchestration/identity/Tenants.js"
import { Settings } from "../../../src/orchestration/settings/Settings.js"

/** A migrated SQLite file, the ports over it, and a second connection of its own (another process: the CLI). */
const onFile = <A, E, R>(use: (other: Sqlite.Database) => Effect.Effect<A, E, R>) =>
  Effect.acquireRelease(Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-committed-"))), (dir) =>
    Effect.sync(() => rmSync(dir, { recursive: true, force: true }))).pipe(
      Effect.flatMap((dir) => {
        const file = join(dir, "baton.db")
        const ports = SqlPorts.layer.pipe(
          Layer.provideMerge(RecordingNotificationChannels.layer()),
          Layer.provide(CryptoKit.layerEphemeral()),
          Layer.provideMerge(Migrations.layer.pipe(Layer.provideMerge(Database.sqlite(file)))),
          Layer.orDie
        )
        return Effect.acquireRelease(Effect.sync(() => new Sqlite(file)), (db) => Effect.sync(() => db.close())).pipe(
          Effect.flatMap(use),
          Effect.provide(ports)
        )
      }),
      Effect.scoped
    )

const generationOf = (db: Sqlite.Database) => db.prepare<[], number>("SELECT value FROM baton_access_generation").pluck().get()!
const device = new Device({ userAgent: "curl/8.5.0", ip: "203.0.113.7" })
const ada = AccountId.make("account-ada")
const epoch = DateTime.unsafeMake(1_700_000_000_000)

const createAda = Effect.flatMap(Accounts, (accounts) =>
  accounts.create(new Account({ id: ada, email: Email.make("ada@example.com"), displayName: "Ada", status: "active", authEpoch: 0, createdAt: epoch })))

const openSession = (now: DateTime.Utc) =>
  Effect.flatMap(Sessions, (sessions) =>
    sessions.open({ accountId: ada, kind: "full", authEpoch: 0, device, now, expiresAt: DateTime.add(now, { hours: 12 }) }))

describe("CommittedReads over SQLite", () => {
  it.live("every change that can end a credential or change a decision bumps the generation; touches and logins do not", () =>
    onFile((other) =>
      Effect.gen(function*() {
        const now = yield* DateTime.now
        const bumps = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
          Effect.gen(function*() {
            const before = generationOf(other)
            const result = yield* effect
            return { moved: generationOf(other) - before, result }
          })
        const sessions = yield* Sessions
        const tokens = yield* ApiTokens
        const accounts = yield* Accounts

        assert.strictEqual((yield* bumps(createAda)).moved, 1)
        const { moved: opened, result: { session } } = yield* bumps(openSession(now))
        assert.strictEqual(opened, 0)
        assert.strictEqual((yield* bumps(sessions.touch(session.id, DateTime.add(now, { minutes: 2 })))).moved, 0)
        const { moved: issued, result: { apiToken } } = yield* bumps(tokens.issue({ accountId: ada, name: "ci", scopes: [], now, expiresAt: Option.none() }))
        assert.strictEqual(issued, 0)
        assert.strictEqual((yield* bumps(tokens.touch(apiToken.id, now))).moved, 0)
        assert.strictEqual((yield* bumps(tokens.revoke(ada, apiToken.id, now))).moved, 1)
        assert.strictEqual((yield* bumps(sessions.reauthenticated(session.id, now, 0))).moved, 1)
        assert.strictEqual((yield* bumps(sessions.revoke(ada, "all", now))).moved, 1)
        assert.strictEqual((yield* bumps(accounts.bumpEpoch(ada))).moved, 1)
        assert.strictEqual((yield* bumps(accounts.setStatus(ada, "suspended"))).moved, 1)
        assert.strictEqual((yield* bumps(Effect.flatMap(Credentials, (c) => c.startTotp(ada, "ada", "baton")))).moved, 1)
        const tenant = TenantId.make("acme")
        assert.strictEqual((yield* bumps(Effect.flatMap(Tenants, (t) => t.create(new Tenant({ id: tenant, name: "Acme", status: "active", createdAt: now }))))).moved, 1)
        assert.strictEqual((yield* bumps(Effect.flatMap(Tenants, (t) => t.setStatus(tenant, "suspended")))).moved, 1)
        const membership = new Membership({ tenantId: tenant, accountId: ada, joinedAt: now })
        assert.strictEqual((yield* bumps(Effect.flatMap(Memberships, (m) => m.add(membership)))).moved, 1)
        const grant = new RoleGrant({ accountId: ada, role: RoleName.make("tenant-member"), tenantId: Option.some(tenant), grantedAt: now })
        assert.strictEqual((yield* bumps(Effect.flatMap(Roles, (r) => r.grant(grant)))).moved, 1)
        assert.strictEqual((yield* bumps(Effect.flatMap(Roles, (r) => r.revokeAllIn(ada, tenant)))).moved, 1)
        assert.strictEqual((yield* bumps(Effect.flatMap(Memberships, (m) => m.remove(tenant, ada)))).moved, 1)
        assert.strictEqual((yield* bumps(Effect.flatMap(Settings, (s) => s.put(SessionIdleTimeoutMinutes.key, Option.none(), 20)))).moved, 1)
      })))

  it.live("a remembered row is served from memory until the generation moves", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* createAda
        const accounts = yield* Accounts
        assert.strictEqual(Option.getOrThrow(yield* accounts.findById(ada)).displayName, "Ada")
        // a change whose bump is taken back: only memory can still answer "Ada"
        other.prepare("UPDATE baton_accounts SET display_name = 'Ada L.' WHERE id = ?").run(ada)
        other.prepare("UPDATE baton_access_generation SET value = value - 1").run()
        assert.strictEqual(Option.getOrThrow(yield* accounts.findById(ada)).displayName, "Ada")
        other.prepare("UPDATE baton_access_generation SET value = value + 1").run()
        assert.strictEqual(Option.getOrThrow(yield* accounts.findById(ada)).displayName, "Ada L.")
      })))

  it.live("a session revoked or an account suspended by another process fails the very next authentication", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* createAda
        const first = yield* openSession(yield* DateTime.now)
        const second = yield* openSession(yield* DateTime.now)
        for (let n = 0; n < 3; n++) assert.strictEqual((yield* authenticate(first.token, device))._tag, "Valid")
        assert.strictEqual((yield* authenticate(second.token, device))._tag, "Valid")

        other.prepare("UPDATE baton_sessions SET revoked_at = ? WHERE id = ?").run(Date.now(), first.session.id)
        const revoked = yield* authenticate(first.token, device)
        assert.strictEqual(revoked._tag === "SessionInvalid" ? revoked.reason : revoked._tag, "revoked")

        assert.strictEqual((yield* authenticate(second.token, device))._tag, "Valid")
        other.prepare("UPDATE baton_accounts SET status = 'suspended' WHERE id = ?").run(ada)
        const suspended = yield* authenticate(second.token, device)
        assert.strictEqual(suspended._tag === "SessionInvalid" ? suspended.reason : suspended._tag, "accountNotActive")
      })))

  /** Runs `effect` as the HTTP server runs a safe request: its request in context, with a snapshot. */
  const asSafeRequest = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.suspend(() => {
      const request = HttpServerRequest.fromWeb(new Request("http://localhost/me"))
      AccessGeneration.snapshotRequest(request)
      return Effect.provideService(effect, HttpServerRequest.HttpServerRequest, request)
    })

  it.live("a request's snapshot reads the generation once: a revocation committed during it is seen by the next request", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* createAda
        const { session, token } = yield* openSession(yield* DateTime.now)
        const reads = yield* Effect.gen(function*() {
          const before = yield* authenticate(token, device)
          other.prepare("UPDATE baton_sessions SET revoked_at = ? WHERE id = ?").run(Date.now(), session.id)
          const during = yield* Effect.forkDaemon(authenticate(token, device)).pipe(Effect.flatMap(Fiber.join))
          return [before._tag, during._tag]
        }).pipe(asSafeRequest)
        assert.deepStrictEqual(reads, ["Valid", "Valid"])
        const after = yield* authenticate(token, device).pipe(asSafeRequest)
        assert.strictEqual(after._tag === "SessionInvalid" ? after.reason : after._tag, "revoked")
      })))

  it.live("once the handler has answered, reads with its request in context (a body streamed later) see a revocation at once", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* createAda
        const { session, token } = yield* openSession(yield* DateTime.now)
        const request = HttpServerRequest.fromWeb(new Request("http://localhost/installation-jobs/job-1/events"))
        const withRequest = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.provideService(effect, HttpServerRequest.HttpServerRequest, request)
        const handler = Effect.map(authenticate(token, device), (outcome) => HttpServerResponse.text(outcome._tag))
        const answered = yield* withRequest(BatonHttp.requestMiddleware(handler))
        assert.strictEqual(answered.status, 200)
        other.prepare("UPDATE baton_sessions SET revoked_at = ? WHERE id = ?").run(Date.now(), session.id)
        const streamed = yield* withRequest(authenticate(token, device))
        assert.strictEqual(streamed._tag === "SessionInvalid" ? streamed.reason : streamed._tag, "revoked")
      })))

  it.live("reads inside a transaction see the transaction's own writes, not memory", () =>
    onFile(() =>
      Effect.gen(function*() {
        yield* createAda
        const accounts = yield* Accounts
        const sql = yield* SqlClient.SqlClient
        assert.strictEqual(Option.getOrThrow(yield* accounts.findById(ada)).status, "active")
        const inside = yield* Effect.gen(function*() {
          yield* accounts.setStatus(ada, "suspended")
          const seen = Option.getOrThrow(yield* accounts.findById(ada)).status
          return yield* Effect.fail(seen)
        }).pipe(sql.withTransaction, Effect.flip)
        assert.strictEqual(inside, "suspended")
        assert.strictEqual(Option.getOrThrow(yield* accounts.findById(ada)).status, "active")
      })))

  it.effect("a remembered session is trusted only while its last-seen stamp is under a minute old", () =>
    onFile(() =>
      Effect.gen(function*() {
        yield* TestClock.setTime(1_700_000_000_000)
        yield* createAda
        const sessions = yield* Sessions
        const { session, token } = yield* openSession(yield* DateTime.now)
        assert.deepStrictEqual(Option.map(yield* sessions.findByToken(token), (s) => s.lastSeenAt), Option.some(session.lastSeenAt))
        yield* TestClock.adjust("61 seconds")
        const later = yield* DateTime.now
        yield* sessions.touch(session.id, later)
        assert.deepStrictEqual(Option.map(yield* sessions.findByToken(token), (s) => s.lastSeenAt), Option.some(later))
      })))
})

describe("the bearer check over SQLite (Authentication.layer)", () => {
  /**
   * The check as the server runs it for `GET /me`, over bearer ports whose session and token
   * reads and audit records are counted in `counts`.
   */
  const bearerCheck = (counts: { reads: number; audited: number }) => {
    const counted = Layer.effectContext(Effect.gen(function*() {
      const sessions = yield* Sessions
      const tokens = yield* ApiTokens
      const auditTrail = yield* AuditTrail
      return Context.make(Sessions, { ...sessions, findByToken: (token) => (counts.reads += 1, sessions.findByToken(token)) }).pipe(
        Context.add(ApiTokens, { ...tokens, findByToken: (token) => (counts.reads += 1, tokens.findByToken(token)) }),
        Context.add(AuditTrail, { record: (intent) => (counts.audited += 1, auditTrail.record(intent)) })
      )
    }))
    return Effect.map(Layer.build(Authentication.layer.pipe(Layer.provide(counted))), (context) => (bearer: string) => {
      const request = HttpServerRequest.fromWeb(new Request("http://localhost/me", { headers: { authorization: `Bearer ${bearer}` } }))
      // the check reads the request only; the router's other services (its route, the search parameters) it never asks for
      const check = Context.get(context, Authentication.Authentication).bearer(Redacted.make(bearer)) as Effect.Effect<
        Actor,
        Unauthorized | ServiceUnavailable,
        HttpServerRequest.HttpServerRequest
      >
      return check.pipe(
        Effect.map((actor) => actor._tag),
        Effect.catchTag("Unauthorized", () => Effect.succeed("Unauthorized" as const)),
        Effect.provideService(HttpServerRequest.HttpServerRequest, request)
      )
    })
  }
  const T = 1_700_000_000_000

  it.effect("answers a bearer used again from memory until the answer lapses, then records the use and answers afresh", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* TestClock.setTime(T)
        yield* createAda
        const counts = { reads: 0, audited: 0 }
        const check = yield* bearerCheck(counts)
        const { session, token } = yield* openSession(yield* DateTime.now)
        const lastSeen = () => other.prepare<[string], number>("SELECT last_seen_at FROM baton_sessions WHERE id = ?").pluck().get(session.id)

        for (let n = 0; n < 3; n++) assert.strictEqual(yield* check(token), "AccountActor")
        assert.strictEqual(counts.reads, 1, "the first use reads the session; the next two are answered from memory")
        yield* TestClock.adjust("59 seconds")
        assert.strictEqual(yield* check(token), "AccountActor")
        assert.strictEqual(counts.reads, 1)

        yield* TestClock.adjust("2 seconds")
        assert.strictEqual(yield* check(token), "AccountActor")
        assert.strictEqual(counts.reads, 2, "a minute on, the answer has lapsed: authenticated again")
        assert.strictEqual(lastSeen(), T + 61_000, "and the use recorded")
        for (let n = 0; n < 2; n++) assert.strictEqual(yield* check(token), "AccountActor")
        assert.strictEqual(counts.reads, 3, "the answer given with a write is not kept; the next one is")
        assert.strictEqual(counts.audited, 0)
      })))

  it.effect("a remembered answer ends at the session's expiry and at its idle limit", () =>
    onFile(() =>
      Effect.gen(function*() {
        yield* TestClock.setTime(T)
        yield* createAda
        const check = yield* bearerCheck({ reads: 0, audited: 0 })
        const now = yield* DateTime.now
        const { token: short } = yield* Effect.flatMap(Sessions, (sessions) =>
          sessions.open({ accountId: ada, kind: "full", authEpoch: 0, device, now, expiresAt: DateTime.add(now, { seconds: 30 }) }))
        yield* Effect.flatMap(Settings, (settings) => settings.put(SessionIdleTimeoutMinutes.key, Option.none(), 1))
        const { token: idle } = yield* openSession(now)

        assert.deepStrictEqual([yield* check(short), yield* check(idle)], ["AccountActor", "AccountActor"])
        yield* TestClock.adjust("30 seconds")
        assert.deepStrictEqual([yield* check(short), yield* check(idle)], ["Unauthorized", "AccountActor"])
        yield* TestClock.adjust("30 seconds")
        assert.strictEqual(yield* check(idle), "Unauthorized", "a minute unused with a one-minute idle timeout")
      })))

  it.live("a revocation committed by another process is refused at once; refusals are never remembered, each is audited", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* createAda
        const counts = { reads: 0, audited: 0 }
        const check = yield* bearerCheck(counts)
        const { session, token } = yield* openSession(yield* DateTime.now)
        assert.deepStrictEqual([yield* check(token), yield* check(token)], ["AccountActor", "AccountActor"])
        other.prepare("UPDATE baton_sessions SET revoked_at = ? WHERE id = ?").run(Date.now(), session.id)
        assert.deepStrictEqual([yield* check(token), yield* check(token)], ["Unauthorized", "Unauthorized"])
        assert.deepStrictEqual(counts, { reads: 3, audited: 2 })
        assert.deepStrictEqual([yield* check("made-up"), yield* check("made-up")], ["Unauthorized", "Unauthorized"])
        assert.strictEqual(counts.audited, 4)
      })))

  it.effect("an API token's answer is remembered once its use is recorded, and ends at its expiry", () =>
    onFile(() =>
      Effect.gen(function*() {
        yield* TestClock.setTime(T)
        yield* createAda
        const counts = { reads: 0, audited: 0 }
        const check = yield* bearerCheck(counts)
        const now = yield* DateTime.now
        const { token } = yield* Effect.flatMap(ApiTokens, (tokens) =>
          tokens.issue({ accountId: ada, name: "ci", scopes: [], now, expiresAt: Option.some(DateTime.add(now, { seconds: 40 })) }))
        for (let n = 0; n < 3; n++) assert.strictEqual(yield* check(token), "ApiTokenActor")
        assert.strictEqual(counts.reads, 2, "the first use is recorded (a write: not kept), the second is kept")
        yield* TestClock.adjust("40 seconds")
        assert.strictEqual(yield* check(token), "Unauthorized")
      })))
})

describe("the authorization resolver over SQLite (GrantsAuthorizationResolver)", () => {
  it.live("remembers a decision until a commit moves the generation; a fresh ability's is made afresh every time", () =>
    onFile((other) =>
      Effect.gen(function*() {
        yield* createAda
        const now = yield* DateTime.now
        const { session } = yield* openSession(now)
        const tenant = TenantId.make("acme")
        yield* Effect.flatMap(Tenants, (t) => t.create(new Tenant({ id: tenant, name: "Acme", status: "active", createdAt: now })))
        yield* Effect.flatMap(Roles, (r) => r.grant(new RoleGrant({ accountId: ada, role: RoleName.make("platform-admin"), tenantId: Option.none(), grantedAt: now })))

        const reads = { grants: 0, sessions: 0 }
        const counted = Layer.effectContext(Effect.gen(function*() {
          const roles = yield* Roles
          const sessions = yield* Sessions
          return Context.make(Roles, { ...roles, grantsOf: (account) => (reads.grants += 1, roles.grantsOf(account)) }).pipe(
            Context.add(Sessions, { ...sessions, find: (account, id) => (reads.sessions += 1, sessions.find(account, id)) })
          )
        }))
        const resolver = Context.get(yield* Layer.build(GrantsAuthorizationResolver.layer.pipe(Layer.provide(counted))), AuthorizationResolver)
        const actor = new AccountActor({ accountId: ada, sessionId: session.id })
        const decide = (ability: Ability, scope: AccessScope) => Effect.map(resolver.decide({ actor, ability, scope, now }), (decision) => decision._tag)

        for (let n = 0; n < 3; n++) assert.strictEqual(yield* decide("members.read", AccessScope.tenant(tenant)), "Allowed")
        assert.strictEqual(reads.grants, 1, "decided once, then from memory")
        for (let n = 0; n < 2; n++) assert.strictEqual(yield* decide("roles.grant", AccessScope.platform), "Allowed")
        assert.deepStrictEqual(reads, { grants: 3, sessions: 2 }, "a fresh ability depends on the time: decided every time")

        other.prepare("DELETE FROM baton_role_grants WHERE account_id = ?").run(ada)
        assert.strictEqual(yield* decide("members.read", AccessScope.tenant(tenant)), "Denied", "a revocation by another process counts at once")
        assert.strictEqual(reads.grants, 4)
      })))
})
