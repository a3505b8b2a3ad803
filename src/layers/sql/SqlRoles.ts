import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Ability } from "../../domain/access/Ability.js"
import { builtInRoles, type EffectiveGrant, findBuiltIn, Role, RoleName } from "../../domain/access/Role.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { AccountId, TenantId } from "../../domain/shared/Ids.js"
import { Roles } from "../../orchestration/access/Roles.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors } from "./SqlErrors.js"

const PLATFORM = ""
const where = (tenant: Option.Option<TenantId>) => Option.getOrElse(tenant, () => PLATFORM)
const tenantOf = (stored: string) => (stored === PLATFORM ? Option.none() : Option.some(TenantId.make(stored)))

const Abilities = Schema.parseJson(Schema.Array(Ability))

const RoleRow = Schema.Struct({ tenant_id: Schema.String, name: RoleName, description: Schema.String, abilities: Abilities })

const toRole = (row: typeof RoleRow.Type) =>
  new Role({ name: row.name, tenantId: tenantOf(row.tenant_id), description: row.description, abilities: row.abilities, builtIn: false, grantedOn: "tenant" })

const GrantRow = Schema.Struct({ role: RoleName, tenant_id: Schema.String, abilities: Schema.NullOr(Abilities) })

const toGrant = (row: typeof GrantRow.Type): Effect.Effect<EffectiveGrant> => {
  const abilities = row.abilities ?? Option.getOrNull(Option.map(findBuiltIn(row.role), (role) => role.abilities))
  return abilities === null
    ? Effect.die(new InvariantViolation({ message: `Roles.grantsOf: grant of an unknown role ${row.role}` }))
    : Effect.succeed({ role: row.role, tenantId: tenantOf(row.tenant_id), abilities })
}

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const findCustom = SqlSchema.findOne({
    Request: Schema.Struct({ tenant: Schema.String, name: Schema.String }),
    Result: RoleRow,
    execute: ({ name, tenant }) => sql`SELECT tenant_id, name, description, abilities FROM baton_roles WHERE tenant_id = ${tenant} AND name = ${name}`
  })
  const listCustom = SqlSchema.findAll({
    Request: Schema.String,
    Result: RoleRow,
    execute: (tenant) => sql`SELECT tenant_id, name, description, abilities FROM baton_roles WHERE tenant_id = ${tenant} ORDER BY name`
  })
  const grantsOf = SqlSchema.findAll({
    Request: Schema.String,
    Result: GrantRow,
    execute: (account) =>
      sql`SELECT g.role, g.tenant_id, r.abilities FROM baton_role_grants g
          LEFT JOIN baton_roles r ON r.tenant_id = g.tenant_id AND r.name = g.role
          WHERE g.account_id = ${account}`
  })
  const holders = SqlSchema.findAll({
    Request: Schema.Struct({ role: Schema.String, tenant: Schema.String }),
    Result: Schema.Struct({ account_id: AccountId }),
    execute: ({ role, tenant }) =>
      sql`SELECT account_id FROM baton_role_grants WHERE tenant_id = ${tenant} AND role = ${role} ORDER BY account_id`
  })

  const rememberedGrants = yield* CommittedReads.remember<ReadonlyArray<EffectiveGrant>>()

  return Roles.of({
    define: (role) =>
      sql`INSERT INTO baton_roles ${
        sql.insert({ tenant_id: where(role.tenantId), name: role.name, description: role.description, abilities: JSON.stringify(role.abilities) })
      } ON CONFLICT (tenant_id, name) DO NOTHING RETURNING name`.pipe(Effect.map((rows) => rows.length > 0), mapErrors("Roles.define")),
    find: (name, tenant) =>
      Option.match(findBuiltIn(name), {
        onSome: (role) => Effect.succeedSome(role),
        onNone: () => findCustom({ tenant: where(tenant), name }).pipe(Effect.map(Option.map(toRole)), mapErrors("Roles.find"))
      }),
    list: (tenant) =>
      Option.match(tenant, {
        onNone: () => Effect.succeed(builtInRoles),
        onSome: (id) => listCustom(id).pipe(Effect.map((rows) => [...builtInRoles, ...rows.map(toRole)]), mapErrors("Roles.list"))
      }),
    grant: (grant) =>
      sql`INSERT INTO baton_role_grants ${
        sql.insert({ account_id: grant.accountId, role: grant.role, tenant_id: where(grant.tenantId), granted_at: DateTime.toEpochMillis(grant.grantedAt) })
      } ON CONFLICT (account_id, tenant_id, role) DO NOTHING RETURNING role`.pipe(Effect.map((rows) => rows.length > 0), mapErrors("Roles.grant")),
    revoke: (account, role, tenant) =>
      sql`DELETE FROM baton_role_grants WHERE account_id = ${account} AND role = ${role} AND tenant_id = ${where(tenant)} RETURNING role`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Roles.revoke")
      ),
    revokeAllIn: (account, tenant) =>
      sql`DELETE FROM baton_role_grants WHERE account_id = ${account} AND tenant_id = ${tenant} RETURNING role`.pipe(
        Effect.map((rows) => rows.length),
        mapErrors("Roles.revokeAllIn")
      ),
    grantsOf: (account) => rememberedGrants(account, () => grantsOf(account).pipe(mapErrors("Roles.grantsOf"), Effect.flatMap(Effect.forEach(toGrant)))),
    holders: (role, tenant) => holders({ role, tenant: where(tenant) }).pipe(Effect.map((rows) => rows.map((r) => r.account_id)), mapErrors("Roles.holders"))
  })
})

export const layer: Layer.Layer<Roles, never, SqlClient.SqlClient> = Layer.effect(Roles, make)
