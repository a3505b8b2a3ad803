import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Deferred, Effect, Fiber, Option } from "effect"
import { RoleGrant, RoleName } from "../../src/domain/access/Role.js"
import { Account, type AccountStatus } from "../../src/domain/identity/Account.js"
import { Email } from "../../src/domain/identity/Email.js"
import { Device } from "../../src/domain/identity/Session.js"
import { AccountId, TenantId } from "../../src/domain/shared/Ids.js"
import { Roles } from "../../src/orchestration/access/Roles.js"
import { Accounts } from "../../src/orchestration/identity/Accounts.js"
import { Admins } from "../../src/orchestration/identity/Admins.js"
import { Credentials } from "../../src/orchestration/identity/Credentials.js"
import { Sessions } from "../../src/orchestration/identity/Sessions.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import { Transactions } from "../../src/orchestration/shared/Transactions.js"
import { adapterFamilies, sqlAdapterFamilies } from "../support/Adapters.js"

const at = (minutes: number) => DateTime.unsafeMake(1_700_000_000_000 + minutes * 60_000)
const device = new Device({ userAgent: "contract", ip: "127.0.0.1" })

/** Stores an account with the status and platform roles given (and a tenant role, which the directory ignores). */
const account = (name: string, status: AccountStatus, roles: ReadonlyArray<string>, tenantRole = false) =>
  Effect.gen(function*() {
    const id = AccountId.make(`account-${name}`)
    yield* (yield* Accounts).create(new Account({ id, email: Email.make(`${name}@example.com`), displayName: name, status, authEpoch: 0, createdAt: at(0) }))
    const grants = yield* Roles
    for (const role of roles) yield* grants.grant(new RoleGrant({ accountId: id, role: RoleName.make(role), tenantId: Option.none(), grantedAt: at(0) }))
    if (tenantRole) yield* grants.grant(new RoleGrant({ accountId: id, role: RoleName.make("tenant-admin"), tenantId: Option.some(TenantId.make("acme")), grantedAt: at(0) }))
    return id
  })

const openSession = (accountId: AccountId, minutes: number) =>
  Effect.flatMap(Sessions, (sessions) => sessions.open({ accountId, kind: "full", authEpoch: 0, device, now: at(minutes), expiresAt: at(minutes + 600) }))

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Admins contract: ${family.name}`, () => {
    it.live("lists the accounts holding a platform role, by email, with status, platform roles, TOTP and last login", () =>
      Effect.gen(function*() {
        const admins = yield* Admins
        const bob = yield* account("bob", "suspended", ["platform-operator", "platform-admin"], true)
        const ada = yield* account("ada", "active", ["platform-admin"])
        yield* account("carol", "active", [], true)
        const dan = yield* account("dan", "invited", ["platform-operator"])
        yield* openSession(ada, 5)
        yield* openSession(ada, 30)
        yield* openSession(bob, 10)
        const credentials = yield* Credentials
        yield* credentials.startTotp(ada, "ada@example.com", "baton")
        yield* credentials.enableTotp(ada)
        yield* credentials.startTotp(bob, "bob@example.com", "baton")
        const listed = yield* admins.list
        assert.deepStrictEqual(listed.map((a) => [a.id, a.email, a.displayName, a.status, [...a.roles], a.totpEnabled]), [
          [ada, "ada@example.com", "ada", "active", ["platform-admin"], true],
          [bob, "bob@example.com", "bob", "suspended", ["platform-admin", "platform-operator"], false],
          [dan, "dan@example.com", "dan", "invited", ["platform-operator"], false]
        ])
        assert.deepStrictEqual(listed.map((a) => Option.getOrNull(Option.map(a.lastLoginAt, DateTime.toEpochMillis))), [
          DateTime.toEpochMillis(at(30)), DateTime.toEpochMillis(at(10)), null
        ])
        assert.isTrue(listed.every((a) => DateTime.Equivalence(a.createdAt, at(0))))
        assert.deepStrictEqual(Option.map(yield* admins.find(bob), (a) => a.email), Option.some(Email.make("bob@example.com")))
        assert.isTrue(Option.isNone(yield* admins.find(AccountId.make("account-carol"))), "a tenant admin only is not a platform admin")
        assert.isTrue(Option.isNone(yield* admins.find(AccountId.make("nobody"))))
      }).pipe(Effect.provide(family.layer)))

    it.live("the lock answers the active accounts holding platform-admin", () =>
      Effect.gen(function*() {
        const ada = yield* account("ada", "active", ["platform-admin"])
        yield* account("bob", "suspended", ["platform-admin"])
        yield* account("carol", "active", ["platform-operator"])
        const eve = yield* account("eve", "active", ["platform-admin", "platform-operator"])
        yield* account("dan", "disabled", ["platform-admin"])
        const active = yield* (yield* Transactions).withTransaction((yield* Admins).lockActivePlatformAdmins)
        assert.deepStrictEqual(active, [ada, eve])
      }).pipe(Effect.provide(family.layer)))

    it.live("units of work holding the lock run one after another: the second one reads what the first one wrote", () =>
      Effect.gen(function*() {
        const admins = yield* Admins
        const transactions = yield* Transactions
        const accounts = yield* Accounts
        const ada = yield* account("ada", "active", ["platform-admin"])
        const bob = yield* account("bob", "active", ["platform-admin"])
        const locked = yield* Deferred.make<void>()
        const first = yield* Effect.fork(transactions.withTransaction(Effect.gen(function*() {
          const seen = yield* admins.lockActivePlatformAdmins
          yield* Deferred.succeed(locked, undefined)
          yield* Effect.sleep("300 millis")
          yield* accounts.setStatus(ada, "suspended")
          return seen
        })))
        yield* Deferred.await(locked)
        const second = yield* transactions.withTransaction(admins.lockActivePlatformAdmins)
        assert.deepStrictEqual(yield* Fiber.join(first), [ada, bob])
        assert.deepStrictEqual(second, [bob], "the second unit of work waited for the first one's commit")
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`Admins storage: ${family.name}`, () => {
    it.live("reports a broken store as a RepositoryError, never as an empty result", () =>
      Effect.gen(function*() {
        const admins = yield* Admins
        yield* (yield* SqlClient.SqlClient)`DROP TABLE baton_platform_admin_lock`
        yield* (yield* SqlClient.SqlClient)`DROP TABLE baton_role_grants`
        const errors = yield* Effect.all([Effect.flip(admins.list), Effect.flip(admins.find(AccountId.make("x"))), Effect.flip(admins.lockActivePlatformAdmins)])
        for (const error of errors) assert.instanceOf(error, RepositoryError)
      }).pipe(Effect.provide(family.layer)))
  })
}
