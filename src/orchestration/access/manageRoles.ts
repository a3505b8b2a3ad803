import { Effect, Either, Option, Schema } from "effect"
import { Ability } from "../../domain/access/Ability.js"
import { RoleExists, RoleRejected } from "../../domain/access/AccessOutcomes.js"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { Role, RoleName, validateCustomRole } from "../../domain/access/Role.js"
import { tenantAudit } from "../../domain/identity/TenantIntents.js"
import { RoleDefined, RoleList } from "../../domain/identity/TenantOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { authorize } from "./authorize.js"
import { Roles } from "./Roles.js"

export const DefineRoleInput = Schema.Struct({
  name: RoleName,
  description: Schema.optionalWith(Schema.String.pipe(Schema.maxLength(200)), { default: () => "" }),
  abilities: Schema.Array(Ability).pipe(Schema.maxItems(64))
})

/**
 * Defines a custom role in a tenant, made of tenant abilities only.
 * `RoleDefined | RoleExists | RoleRejected | Refusal`.
 */
export const defineRole = fn("Access.defineRole")(function*(actor: Actor, tenantId: TenantId, input: typeof DefineRoleInput.Type) {
  const refused = yield* authorize(actor, "roles.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const valid = validateCustomRole(input)
  if (Either.isLeft(valid)) return new RoleRejected({ issues: valid.left })
  const role = new Role({ ...input, abilities: valid.right, tenantId: Option.some(tenantId), builtIn: false, grantedOn: "tenant" })
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const target = { type: "role", id: role.name }
    if (!(yield* (yield* Roles).define(role))) {
      yield* (yield* AuditTrail).record(tenantAudit("roles.define", actor, "RoleExists", tenantId, { target }))
      return new RoleExists({ role: role.name })
    }
    yield* (yield* AuditTrail).record(tenantAudit("roles.define", actor, "RoleDefined", tenantId, { target, details: { abilities: [...role.abilities] } }))
    return new RoleDefined({ role })
  }))
})

/** The roles that exist in a scope: the built-in ones, plus the tenant's custom ones. `RoleList | Refusal`. */
export const listRoles = fn("Access.listRoles")(function*(actor: Actor, scope: AccessScope) {
  const refused = yield* authorize(actor, scope._tag === "TenantScope" ? "members.read" : "admins.read", scope)
  if (Option.isSome(refused)) return refused.value
  return new RoleList({ roles: yield* (yield* Roles).list(scope._tag === "TenantScope" ? Option.some(scope.tenantId) : Option.none()) })
})
