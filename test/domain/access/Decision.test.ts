import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, FastCheck as fc, Option } from "effect"

import { type Ability, allAbilities, definitionOf } from "../../../src/domain/access/Ability.js"
import { AccessScope } from "../../../src/domain/access/AccessScope.js"
import { type AccessFacts, decide, reachOf, tokenAllows } from "../../../src/domain/access/Decision.js"
import { type EffectiveGrant, PlatformAdmin, PlatformOperator, TenantAdmin, TenantMember } from "../../../src/domain/access/Role.js"
import { Tenant } from "../../../src/domain/identity/Tenant.js"
import { AccountActor, AnonymousActor, ApiTokenActor, SystemActor } from "../../../src/domain/shared/Actor.js"
import { AccountId, ApiTokenId, SessionId, TenantId } from "../../../src/domain/shared/Ids.js"

const now = DateTime.unsafeMake("2026-12-01T12:00:00Z")
const acme = TenantId.make("acme")
const globex = TenantId.make("globex")
const account = AccountId.make("a1")
const session = new AccountActor({ accountId: account, sessionId: SessionId.make("s1") })
const token = (scopes: ReadonlyArray<string>) => new ApiTokenActor({ accountId: account, tokenId: ApiTokenId.make("t1"), scopes })
const tenant = (id: TenantId, status: "active" | "suspended" = "active") => new Tenant({ id, name: id, status, createdAt: now })

const grantOf = (role: { readonly name: EffectiveGrant["role"]; readonly abilities: ReadonlyArray<Ability> }, tenantId?: TenantId): EffectiveGrant => ({
  role: role.name,
  tenantId: Option.fromNullable(tenantId),
  abilities: role.abilities
})

const facts = (grants: ReadonlyArray<EffectiveGrant>, options: Partial<AccessFacts> = {}): AccessFacts => ({
  grants,
  tenant: Option.some(tenant(acme)),
  authenticatedAt: Option.some(now),
  ...options
})

const tagOf = (ability: Ability, scope: AccessScope, f: AccessFacts, actor: Parameters<typeof decide>[0]["actor"] = session) =>
  decide({ actor, ability, scope, now }, f)._tag

describe("decide", () => {
  it("lets baton itself do anything and anonymous callers nothing", () => {
    assert.strictEqual(tagOf("tenants.create", AccessScope.platform, facts([]), new SystemActor({ component: "cli" })), "Allowed")
    assert.strictEqual(tagOf("members.read", AccessScope.tenant(acme), facts([]), new AnonymousActor({ ip: "1", userAgent: "x" })), "Denied")
  })

  it("allows a tenant ability in the tenant of the grant only; a platform grant reaches every tenant", () => {
    const admin = [grantOf(TenantAdmin, acme)]
    assert.strictEqual(tagOf("members.manage", AccessScope.tenant(acme), facts(admin)), "Allowed")
    assert.strictEqual(tagOf("members.manage", AccessScope.tenant(globex), facts(admin, { tenant: Option.some(tenant(globex)) })), "Denied")
    assert.strictEqual(tagOf("members.manage", AccessScope.platform, facts(admin)), "Denied")
    assert.strictEqual(tagOf("members.manage", AccessScope.tenant(globex), facts([grantOf(PlatformAdmin)], { tenant: Option.some(tenant(globex)) })), "Allowed")
  })

  it("never allows a platform ability through a tenant grant or in a tenant scope", () => {
    assert.strictEqual(tagOf("tenants.create", AccessScope.platform, facts([grantOf(TenantAdmin, acme)])), "Denied")
    assert.strictEqual(tagOf("tenants.create", AccessScope.tenant(acme), facts([grantOf(PlatformAdmin)])), "Denied")
  })

  it("gives the read-only operator every read and no write", () => {
    const operator = [grantOf(PlatformOperator)]
    for (const ability of allAbilities) {
      const scope = definitionOf(ability).scope === "platform" ? AccessScope.platform : AccessScope.tenant(acme)
      assert.strictEqual(tagOf(ability, scope, facts(operator)), definitionOf(ability).readOnly ? "Allowed" : "Denied", ability)
    }
  })

  it("stops tenant members in a suspended tenant, not platform staff", () => {
    const suspended = { tenant: Option.some(tenant(acme, "suspended")) }
    assert.strictEqual(tagOf("tenants.read", AccessScope.tenant(acme), facts([grantOf(TenantMember, acme)], suspended)), "TenantSuspended")
    assert.strictEqual(tagOf("tenants.read", AccessScope.tenant(acme), facts([grantOf(PlatformOperator)], suspended)), "Allowed")
  })

  it("tells an unknown tenant only to actors whose grants reach every tenant", () => {
    const unknown = { tenant: Option.none() }
    assert.strictEqual(tagOf("members.read", AccessScope.tenant(globex), facts([grantOf(PlatformAdmin)], unknown)), "UnknownTenant")
    assert.strictEqual(tagOf("members.read", AccessScope.tenant(globex), facts([grantOf(TenantAdmin, acme)], unknown)), "Denied")
  })

  it("asks for a fresh password for sensitive abilities, and never lets an API token use them", () => {
    const admin = [grantOf(PlatformAdmin)]
    assert.strictEqual(tagOf("admins.suspend", AccessScope.platform, facts(admin)), "Allowed")
    const stale = { authenticatedAt: Option.some(DateTime.subtractDuration(now, Duration.minutes(11))) }
    assert.strictEqual(tagOf("admins.suspend", AccessScope.platform, facts(admin, stale)), "NeedsReauthentication")
    assert.strictEqual(tagOf("admins.read", AccessScope.platform, facts(admin, stale)), "Allowed")
    assert.strictEqual(tagOf("admins.suspend", AccessScope.platform, facts(admin), token([])), "Denied")
  })

  it("keeps API tokens within their scopes and restricted sessions out", () => {
    const admin = [grantOf(TenantAdmin, acme)]
    assert.strictEqual(tagOf("supply.plan", AccessScope.tenant(acme), facts(admin), token(["supply"])), "Allowed")
    assert.strictEqual(tagOf("supply.plan", AccessScope.tenant(acme), facts(admin), token(["supply.plan"])), "Allowed")
    assert.strictEqual(tagOf("supply.cost", AccessScope.tenant(acme), facts(admin), token(["supply.plan"])), "Denied")
    assert.strictEqual(tagOf("members.read", AccessScope.tenant(acme), facts(admin), token(["supply"])), "Denied")
    const restricted = new AccountActor({ accountId: account, sessionId: SessionId.make("s1"), restricted: true })
    assert.strictEqual(tagOf("members.read", AccessScope.tenant(acme), facts(admin), restricted), "Denied")
  })

  it("never allows what no grant holds (property)", () => {
    fc.assert(fc.property(
      fc.constantFrom(...allAbilities),
      fc.subarray([...allAbilities]),
      fc.constantFrom(acme, globex),
      (ability, held, grantTenant) => {
        const grants = [{ ...grantOf(TenantAdmin, grantTenant), abilities: held }]
        const scope = definitionOf(ability).scope === "platform" ? AccessScope.platform : AccessScope.tenant(acme)
        const decision = tagOf(ability, scope, facts(grants))
        const reachable = held.includes(ability) && scope._tag === "TenantScope" && grantTenant === acme
        return reachable ? decision === "Allowed" || decision === "NeedsReauthentication" : decision === "Denied"
      }
    ))
  })
})

describe("reachOf and tokenAllows", () => {
  it("lists the tenants where the ability is held, or everywhere for platform grants", () => {
    assert.deepStrictEqual(reachOf(session, "audit.read", [grantOf(TenantAdmin, acme), grantOf(TenantMember, globex)]), { _tag: "Tenants", tenants: [acme] })
    assert.deepStrictEqual(reachOf(session, "audit.read", [grantOf(PlatformOperator)]), { _tag: "Everywhere" })
    assert.deepStrictEqual(reachOf(token(["supply"]), "audit.read", [grantOf(PlatformAdmin)]), { _tag: "Tenants", tenants: [] })
  })

  it("reads scopes as abilities or families", () => {
    assert.isTrue(tokenAllows([], "supply.cost"))
    assert.isTrue(tokenAllows(["supply"], "supply.cost"))
    assert.isFalse(tokenAllows(["supp"], "supply.cost"))
    assert.isFalse(tokenAllows(["commerce.read"], "commerce.manage"))
  })
})
