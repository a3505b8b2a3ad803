import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck as fc, Option, Redacted } from "effect"
import { AccessScope } from "../../../src/domain/access/AccessScope.js"
import { RoleName } from "../../../src/domain/access/Role.js"
import { type Actor, SystemActor } from "../../../src/domain/shared/Actor.js"
import { type AccountId, TenantId } from "../../../src/domain/shared/Ids.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { defineRole, listRoles } from "../../../src/orchestration/access/manageRoles.js"
import { Roles } from "../../../src/orchestration/access/Roles.js"
import { createAccount } from "../../../src/orchestration/identity/createAccount.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { changeMemberRoles, listMembers, removeMember } from "../../../src/orchestration/identity/manageMembers.js"
import { Memberships } from "../../../src/orchestration/identity/Memberships.js"
import { getTenant } from "../../../src/orchestration/identity/readTenants.js"
import { registerUser } from "../../../src/orchestration/identity/registerUser.js"
import { readSettings } from "../../../src/orchestration/settings/readSettings.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import { Settings } from "../../../src/orchestration/settings/Settings.js"
import { createTenant, grant } from "../../support/Access.js"
import { actorOf, device } from "./support.js"

const tenants = ["acme", "globex"] as const
type Side = typeof tenants[number]

const operations = ["listMembers", "register", "changeRoles", "remove", "defineRole", "listRoles", "getTenant", "override", "readSettings"] as const

const Operation = fc.record({
  by: fc.constantFrom<Side>(...tenants),
  on: fc.constantFrom<Side>(...tenants),
  op: fc.constantFrom(...operations),
  n: fc.integer({ min: 0, max: 3 })
})
type Operation = typeof Operation extends fc.Arbitrary<infer A> ? A : never

const password = "a long test passphrase, not common"

const accountIn = (email: string, role: string, tenant: Side) =>
  Effect.gen(function*() {
    const created = yield* createAccount(new SystemActor({ component: "test" }), { email, displayName: email, password })
    if (created._tag !== "AccountCreated") return assert.fail(created._tag)
    yield* grant(created.account.id, role, tenant)
    const opened = yield* login({ email, password, device })
    if (opened._tag !== "Authenticated") return assert.fail(opened._tag)
    return { id: created.account.id, actor: yield* actorOf(Redacted.value(opened.sessionToken)) }
  })

/** Everything a tenant holds: its members and their roles, its custom roles, its setting overrides. */
const snapshot = (tenant: Side) =>
  Effect.gen(function*() {
    const id = TenantId.make(tenant)
    const members = yield* (yield* Memberships).list(id, { limit: 1000 })
    const roles = yield* (yield* Roles).list(Option.some(id))
    const settings = yield* (yield* Settings).stored(Option.some(id))
    return JSON.stringify({
      members: members.map((m) => [m.email, m.roles]),
      roles: roles.map((r) => [r.name, r.abilities]),
      settings: settings.filter((s) => Option.isSome(s.tenantId)).map((s) => [s.key, s.value])
    })
  })

const run = (op: Operation, actor: Actor, victims: Record<Side, AccountId>) => {
  const tenant = TenantId.make(op.on)
  switch (op.op) {
    case "listMembers": return listMembers(actor, tenant, { limit: 100 })
    case "register": return registerUser(actor, tenant, { email: `user${op.n}@${op.by}.example`, role: "tenant-member" })
    case "changeRoles": return changeMemberRoles(actor, tenant, victims[op.on], [RoleName.make(op.n % 2 === 0 ? "tenant-admin" : "tenant-member")])
    case "remove": return removeMember(actor, tenant, victims[op.on])
    case "defineRole": return defineRole(actor, tenant, { name: RoleName.make(`role-${op.n}`), description: "", abilities: ["members.read"] })
    case "listRoles": return listRoles(actor, AccessScope.tenant(tenant))
    case "getTenant": return getTenant(actor, tenant)
    case "override": return setSetting(actor, { key: "tenants.registration.enabled", value: op.n % 2 === 0, tenantId: tenant })
    case "readSettings": return readSettings(actor, Option.some(tenant))
  }
}

describe("tenant isolation", () => {
  it.effect.prop(
    "no actor of one tenant ever reads or changes the other tenant's data",
    { sequence: fc.array(Operation, { minLength: 1, maxLength: 12 }) },
    ({ sequence }) =>
      Effect.gen(function*() {
        for (const tenant of tenants) yield* createTenant(tenant)
        const admins = { acme: yield* accountIn("admin@acme.example", "tenant-admin", "acme"), globex: yield* accountIn("admin@globex.example", "tenant-admin", "globex") }
        const victims = { acme: (yield* accountIn("member@acme.example", "tenant-member", "acme")).id, globex: (yield* accountIn("member@globex.example", "tenant-member", "globex")).id }
        for (const op of sequence) {
          const before = yield* snapshot(op.on)
          const outcome = yield* run(op, admins[op.by].actor, victims)
          if (op.by === op.on) {
            const other = op.on === "acme" ? "globex" : "acme"
            if (outcome._tag === "MemberList") assert.isFalse(outcome.members.some((m) => m.email.endsWith(`@${other}.example`)))
            continue
          }
          assert.strictEqual(outcome._tag, "PermissionDenied", `${op.by} → ${op.on}: ${op.op}`)
          assert.strictEqual(yield* snapshot(op.on), before, `${op.by} changed ${op.on} with ${op.op}`)
        }
      }).pipe(Effect.provide(MemoryPorts.layer())),
    { fastCheck: { numRuns: 40 } }
  )
})
