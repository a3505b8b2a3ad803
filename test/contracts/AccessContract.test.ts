import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option } from "effect"
import { PlatformAdmin, Role, RoleGrant, RoleName, TenantAdmin, TenantMember } from "../../src/domain/access/Role.js"
import { Account } from "../../src/domain/identity/Account.js"
import { Email } from "../../src/domain/identity/Email.js"
import { Membership } from "../../src/domain/identity/Membership.js"
import { Tenant } from "../../src/domain/identity/Tenant.js"
import { AccountId, TenantId } from "../../src/domain/shared/Ids.js"
import { Roles } from "../../src/orchestration/access/Roles.js"
import { Accounts } from "../../src/orchestration/identity/Accounts.js"
import { Memberships } from "../../src/orchestration/identity/Memberships.js"
import { Tenants } from "../../src/orchestration/identity/Tenants.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import { adapterFamilies, sqlAdapterFamilies } from "../support/Adapters.js"

const at = DateTime.unsafeMake("2026-12-01T10:00:00Z")
const acme = TenantId.make("acme")
const globex = TenantId.make("globex")
const tenant = (id: TenantId) => new Tenant({ id, name: `${id} Inc.`, status: "active", createdAt: at })
const account = (n: number) =>
  new Account({ id: AccountId.make(`account-${n}`), email: Email.make(`user${n}@example.com`), displayName: `User ${n}`, status: "active", authEpoch: 0, createdAt: at })
const grantOf = (n: number, role: Role, tenantId?: TenantId) =>
  new RoleGrant({ accountId: account(n).id, role: role.name, tenantId: Option.fromNullable(tenantId), grantedAt: at })
const auditor = new Role({
  name: RoleName.make("auditor"),
  tenantId: Option.some(acme),
  description: "Reads the audit trail",
  abilities: ["audit.read", "members.read"],
  builtIn: false,
  grantedOn: "tenant"
})

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Access contract: ${family.name}`, () => {
    it.live("creates tenants once, finds and lists them, and changes their status", () =>
      Effect.gen(function*() {
        const tenants = yield* Tenants
        assert.isTrue(yield* tenants.create(tenant(globex)))
        assert.isTrue(yield* tenants.create(tenant(acme)))
        assert.isFalse(yield* tenants.create(new Tenant({ ...tenant(acme), name: "Other" })))
        assert.deepStrictEqual((yield* tenants.list()).map((t) => [t.id, t.name]), [["acme", "acme Inc."], ["globex", "globex Inc."]])
        assert.deepStrictEqual((yield* tenants.list([globex])).map((t) => t.id), [globex])
        assert.deepStrictEqual(yield* tenants.list([]), [])
        yield* tenants.setStatus(acme, "suspended")
        assert.strictEqual(Option.getOrNull(Option.map(yield* tenants.find(acme), (t) => t.status)), "suspended")
        assert.isTrue(Option.isNone(yield* tenants.find(TenantId.make("nope"))))
        assert.isTrue(DateTime.Equivalence(Option.getOrThrow(yield* tenants.find(globex)).createdAt, at))
      }).pipe(Effect.provide(family.layer)))

    it.live("defines custom roles per tenant beside the built-in ones", () =>
      Effect.gen(function*() {
        const roles = yield* Roles
        assert.isTrue(yield* roles.define(auditor))
        assert.isFalse(yield* roles.define(auditor))
        assert.isTrue(yield* roles.define(new Role({ ...auditor, tenantId: Option.some(globex), abilities: ["audit.read"] })))
        const found = yield* roles.find(auditor.name, Option.some(acme))
        assert.deepStrictEqual(Option.map(found, (r) => [...r.abilities]), Option.some(["audit.read", "members.read"]))
        assert.isTrue(Option.isNone(yield* roles.find(auditor.name, Option.none())))
        assert.isTrue(Option.isSome(yield* roles.find(TenantAdmin.name, Option.some(acme))))
        assert.deepStrictEqual((yield* roles.list(Option.some(acme))).map((r) => r.name), [
          "platform-admin", "platform-operator", "tenant-admin", "tenant-member", "auditor"
        ])
        assert.strictEqual((yield* roles.list(Option.none())).length, 4)
      }).pipe(Effect.provide(family.layer)))

    it.live("grants and revokes roles, and resolves each grant's abilities", () =>
      Effect.gen(function*() {
        const roles = yield* Roles
        yield* roles.define(auditor)
        assert.isTrue(yield* roles.grant(grantOf(1, PlatformAdmin)))
        assert.isFalse(yield* roles.grant(grantOf(1, PlatformAdmin)))
        assert.isTrue(yield* roles.grant(grantOf(2, TenantAdmin, acme)))
        assert.isTrue(yield* roles.grant(grantOf(2, auditor, acme)))
        assert.isTrue(yield* roles.grant(grantOf(2, TenantMember, globex)))
        const grants = yield* roles.grantsOf(account(2).id)
        const auditorGrant = grants.find((g) => g.role === auditor.name)
        assert.deepStrictEqual(auditorGrant?.abilities, ["audit.read", "members.read"])
        assert.deepStrictEqual(grants.map((g) => `${g.role}@${Option.getOrElse(g.tenantId, () => "platform")}`).sort(), [
          "auditor@acme", "tenant-admin@acme", "tenant-member@globex"
        ])
        assert.deepStrictEqual(yield* roles.holders(PlatformAdmin.name, Option.none()), [account(1).id])
        assert.deepStrictEqual(yield* roles.holders(TenantAdmin.name, Option.some(acme)), [account(2).id])
        assert.isTrue(yield* roles.revoke(account(1).id, PlatformAdmin.name, Option.none()))
        assert.isFalse(yield* roles.revoke(account(1).id, PlatformAdmin.name, Option.none()))
        assert.strictEqual(yield* roles.revokeAllIn(account(2).id, acme), 2)
        assert.deepStrictEqual((yield* roles.grantsOf(account(2).id)).map((g) => g.role), ["tenant-member"])
      }).pipe(Effect.provide(family.layer)))

    it.live("keeps memberships per tenant and lists members with their roles there, by email, in pages", () =>
      Effect.gen(function*() {
        const accounts = yield* Accounts
        const memberships = yield* Memberships
        const roles = yield* Roles
        for (const n of [3, 1, 2]) yield* accounts.create(account(n))
        for (const n of [1, 2, 3]) assert.isTrue(yield* memberships.add(new Membership({ tenantId: acme, accountId: account(n).id, joinedAt: at })))
        assert.isFalse(yield* memberships.add(new Membership({ tenantId: acme, accountId: account(1).id, joinedAt: at })))
        yield* memberships.add(new Membership({ tenantId: globex, accountId: account(1).id, joinedAt: at }))
        yield* roles.grant(grantOf(1, TenantAdmin, acme))
        yield* roles.grant(grantOf(1, TenantMember, acme))
        yield* roles.grant(grantOf(1, TenantMember, globex))
        const first = yield* memberships.list(acme, { limit: 2 })
        assert.deepStrictEqual(first.map((m) => [m.email, [...m.roles]]), [["user1@example.com", ["tenant-admin", "tenant-member"]], ["user2@example.com", []]])
        const next = yield* memberships.list(acme, { after: first[1]?.email, limit: 2 })
        assert.deepStrictEqual(next.map((m) => m.email), ["user3@example.com"])
        assert.deepStrictEqual((yield* memberships.list(globex, { limit: 10 })).map((m) => [...m.roles]), [["tenant-member"]])
        assert.deepStrictEqual(yield* memberships.tenantsOf(account(1).id), [acme, globex])
        assert.isTrue(Option.isSome(yield* memberships.find(acme, account(2).id)))
        assert.isTrue(yield* memberships.remove(acme, account(2).id))
        assert.isFalse(yield* memberships.remove(acme, account(2).id))
        assert.isTrue(Option.isNone(yield* memberships.find(acme, account(2).id)))
        assert.deepStrictEqual(yield* memberships.list(TenantId.make("empty"), { limit: 10 }), [])
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`Access storage: ${family.name}`, () => {
    it.live("reports a broken store as a RepositoryError, never as an empty result", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`DROP TABLE baton_role_grants`
        yield* sql`DROP TABLE baton_tenants`
        const errors = yield* Effect.all([
          Effect.flip((yield* Roles).grantsOf(account(1).id)),
          Effect.flip((yield* Roles).holders(TenantAdmin.name, Option.some(acme))),
          Effect.flip((yield* Tenants).list()),
          Effect.flip((yield* Tenants).find(acme))
        ])
        for (const error of errors) assert.instanceOf(error, RepositoryError)
      }).pipe(Effect.provide(family.layer)))
  })
}
