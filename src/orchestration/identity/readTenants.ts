import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { TenantList, TenantView } from "../../domain/identity/TenantOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuthorizationResolver } from "../access/AuthorizationResolver.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Tenants } from "./Tenants.js"

/** The tenants the actor may see: all of them for platform staff, else those it belongs to with `tenants.read`. */
export const listTenants = fn("Identity.listTenants")(function*(actor: Actor) {
  const reach = yield* (yield* AuthorizationResolver).reach(actor, "tenants.read")
  const tenants = yield* Tenants
  return new TenantList({ tenants: yield* (reach._tag === "Everywhere" ? tenants.list() : tenants.list(reach.tenants)) })
})

/** One tenant. `TenantView | Refusal` (an unknown tenant is `NotFound` for platform staff only). */
export const getTenant = fn("Identity.getTenant")(function*(actor: Actor, id: TenantId) {
  const refused = yield* authorize(actor, "tenants.read", AccessScope.tenant(id))
  if (Option.isSome(refused)) return refused.value
  const tenant = yield* (yield* Tenants).find(id)
  return Option.match(tenant, { onNone: () => new NotFound({ entity: "tenant", id }), onSome: (t) => new TenantView({ tenant: t }) })
})
