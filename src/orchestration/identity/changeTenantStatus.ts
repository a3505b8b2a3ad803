import { Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { Tenant, type TenantStatus } from "../../domain/identity/Tenant.js"
import { operationsNotice, tenantAudit } from "../../domain/identity/TenantIntents.js"
import { TenantView } from "../../domain/identity/TenantOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Tenants } from "./Tenants.js"

/**
 * Suspends or reinstates a tenant. A suspended tenant's members cannot act inside it from the
 * next request on; platform staff still can. Asking for the status it has changes nothing.
 * `TenantView | NotFound | Refusal`.
 */
export const changeTenantStatus = fn("Identity.changeTenantStatus")(function*(
  actor: Actor,
  id: TenantId,
  status: TenantStatus,
  reason: string
) {
  const refused = yield* authorize(actor, "tenants.suspend", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const tenants = yield* Tenants
  const found = yield* tenants.find(id)
  if (Option.isNone(found)) return new NotFound({ entity: "tenant", id })
  if (found.value.status === status) return new TenantView({ tenant: found.value })
  const action = status === "suspended" ? "tenants.suspend" : "tenants.reinstate"
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* tenants.setStatus(id, status)
    yield* (yield* AuditTrail).record(tenantAudit(action, actor, "TenantView", id, { reason, details: { status } }))
    yield* (yield* Notifications).emit(operationsNotice(`tenants.${status}`, id, { reason }))
  }))
  return new TenantView({ tenant: new Tenant({ ...found.value, status }) })
})
