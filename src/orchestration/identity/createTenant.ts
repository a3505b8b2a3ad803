import { DateTime, Effect, Either, Option, Schema } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { Tenant, TenantName, TenantSlug } from "../../domain/identity/Tenant.js"
import { operationsNotice, tenantAudit } from "../../domain/identity/TenantIntents.js"
import { TenantCreated, TenantExists } from "../../domain/identity/TenantOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { issuesOf, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Tenants } from "./Tenants.js"

export const CreateTenantInput = Schema.Struct({ id: TenantSlug, name: TenantName })

/**
 * Creates an active tenant; its id is its slug, permanent. `TenantCreated | TenantExists |
 * ValidationFailed | Refusal`. Audited; the operators are told.
 */
export const createTenant = fn("Identity.createTenant")(function*(actor: Actor, raw: typeof CreateTenantInput.Encoded) {
  const refused = yield* authorize(actor, "tenants.create", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const decoded = Schema.decodeEither(CreateTenantInput, { errors: "all" })(raw)
  if (Either.isLeft(decoded)) return new ValidationFailed({ issues: issuesOf(decoded.left) })
  const tenant = new Tenant({ ...decoded.right, status: "active", createdAt: yield* DateTime.now })
  const auditTrail = yield* AuditTrail
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* (yield* Tenants).create(tenant))) {
      yield* auditTrail.record(tenantAudit("tenants.create", actor, "TenantExists", tenant.id))
      return new TenantExists({ id: tenant.id })
    }
    yield* auditTrail.record(tenantAudit("tenants.create", actor, "TenantCreated", tenant.id, { details: { name: tenant.name } }))
    yield* (yield* Notifications).emit(operationsNotice("tenants.created", tenant.id, { name: tenant.name }))
    return new TenantCreated({ tenant })
  }))
})
