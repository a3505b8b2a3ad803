import { assert } from "@effect/vitest"
import { DateTime, Effect, Option } from "effect"
import { RoleGrant, RoleName } from "../../src/domain/access/Role.js"
import { Membership } from "../../src/domain/identity/Membership.js"
import { Tenant, type TenantStatus } from "../../src/domain/identity/Tenant.js"
import { type AccountId, TenantId } from "../../src/domain/shared/Ids.js"
import { Roles } from "../../src/orchestration/access/Roles.js"
import { Memberships } from "../../src/orchestration/identity/Memberships.js"
import { Tenants } from "../../src/orchestration/identity/Tenants.js"
import { createAdmin, loginAs } from "./AuthClient.js"

/** Stores a tenant directly through the port (arranging a test, not exercising `createTenant`). */
export const createTenant = (id: string, status: TenantStatus = "active") =>
  Effect.gen(function*() {
    const tenant = new Tenant({ id: TenantId.make(id), name: id.toUpperCase(), status, createdAt: yield* DateTime.now })
    assert.isTrue(yield* (yield* Tenants).create(tenant), `tenant ${id} created`)
    return tenant.id
  })

/** Grants a role platform-wide (no tenant) or in a tenant, making the account a member of that tenant. */
export const grant = (accountId: AccountId, role: string, tenantId?: string) =>
  Effect.gen(function*() {
    const now = yield* DateTime.now
    const tenant = Option.map(Option.fromNullable(tenantId), TenantId.make)
    if (Option.isSome(tenant)) yield* (yield* Memberships).add(new Membership({ tenantId: tenant.value, accountId, joinedAt: now }))
    yield* (yield* Roles).grant(new RoleGrant({ accountId, role: RoleName.make(role), tenantId: tenant, grantedAt: now }))
  })

export interface RoleAt {
  readonly role: string
  readonly tenant?: string
}

/** Creates an account holding the roles, logs it in over HTTP and returns its bearer token and id. */
export const bearerWith = (email: string, roles: ReadonlyArray<RoleAt>, password = "a long test passphrase, not common") =>
  Effect.gen(function*() {
    const accountId = yield* createAdmin(email, password)
    for (const { role, tenant } of roles) yield* grant(accountId, role, tenant)
    const { token } = yield* loginAs(email, password)
    return { token, accountId }
  })
