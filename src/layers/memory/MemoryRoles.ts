import { Array as Arr, Effect, Layer, Option } from "effect"
import { builtInRoles, type EffectiveGrant, findBuiltIn, type Role, type RoleGrant } from "../../domain/access/Role.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

const PLATFORM = ""
const where = (tenant: Option.Option<TenantId>) => Option.getOrElse(tenant, () => PLATFORM)
const roleKey = (tenant: string, name: string) => `${tenant}/${name}`
const sameGrant = (a: RoleGrant, b: Pick<RoleGrant, "accountId" | "role" | "tenantId">) =>
  a.accountId === b.accountId && a.role === b.role && where(a.tenantId) === where(b.tenantId)

export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const custom = database.table<ReadonlyMap<string, Role>>("roles", new Map())
  const grants = database.table<ReadonlyArray<RoleGrant>>("role_grants", [])

  const find = (name: string, tenant: Option.Option<TenantId>) =>
    Effect.map(custom.get, (all) => Option.orElse(findBuiltIn(name), () => Option.fromNullable(all.get(roleKey(where(tenant), name)))))

  const effective = (grant: RoleGrant) =>
    Effect.flatMap(find(grant.role, grant.tenantId), Option.match({
      onNone: () => Effect.die(new InvariantViolation({ message: `Roles.grantsOf: grant of an unknown role ${grant.role}` })),
      onSome: (role): Effect.Effect<EffectiveGrant> => Effect.succeed({ role: grant.role, tenantId: grant.tenantId, abilities: role.abilities })
    }))

  return Roles.of({
    define: (role) =>
      custom.modify((all) => {
        const key = roleKey(where(role.tenantId), role.name)
        return all.has(key) ? [false, all] : [true, new Map(all).set(key, role)]
      }),
    find,
    list: (tenant) =>
      Effect.map(custom.get, (all) => [
        ...builtInRoles,
        ...[...all.values()].filter((role) => Option.isSome(tenant) && where(role.tenantId) === tenant.value)
      ]),
    grant: (grant) => grants.modify((all) => (all.some((g) => sameGrant(g, grant)) ? [false, all] : [true, [...all, grant]])),
    revoke: (accountId, role, tenantId) =>
      grants.modify((all) => {
        const kept = all.filter((g) => !sameGrant(g, { accountId, role, tenantId }))
        return [kept.length < all.length, kept]
      }),
    revokeAllIn: (account, tenant) =>
      grants.modify((all) => {
        const kept = all.filter((g) => !(g.accountId === account && where(g.tenantId) === tenant))
        return [all.length - kept.length, kept]
      }),
    grantsOf: (account) => Effect.flatMap(grants.get, (all) => Effect.forEach(all.filter((g) => g.accountId === account), effective)),
    holders: (role, tenant) =>
      Effect.map(grants.get, (all) =>
        Arr.dedupe(all.filter((g) => g.role === role && where(g.tenantId) === where(tenant)).map((g) => g.accountId)))
  })
})

export const layer: Layer.Layer<Roles, never, MemoryDatabase> = Layer.effect(Roles, make)
