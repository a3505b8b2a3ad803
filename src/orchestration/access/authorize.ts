import { DateTime, Match, Option } from "effect"
import type { Ability } from "../../domain/access/Ability.js"
import { PermissionDenied, TenantNotActive } from "../../domain/access/AccessOutcomes.js"
import { type AccessScope, scopeRef } from "../../domain/access/AccessScope.js"
import type { Decision } from "../../domain/access/Decision.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { ReauthenticationRequired } from "../../domain/identity/AuthOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { AuthorizationResolver } from "./AuthorizationResolver.js"

/** Why an orchestrator stops before doing anything: return it as the outcome. */
export type Refusal = PermissionDenied | ReauthenticationRequired | TenantNotActive | NotFound

const refusalOf = (ability: Ability): (decision: Exclude<Decision, { readonly _tag: "Allowed" }>) => {
  readonly refusal: Refusal
  readonly reason: string
} =>
  Match.typeTags<Exclude<Decision, { readonly _tag: "Allowed" }>>()({
    Denied: ({ reason }) => ({ refusal: new PermissionDenied({ ability }), reason }),
    NeedsReauthentication: () => ({ refusal: new ReauthenticationRequired(), reason: `${ability} needs the password proven within ten minutes` }),
    TenantSuspended: ({ tenantId }) => ({ refusal: new TenantNotActive({ tenantId }), reason: `tenant ${tenantId} is suspended` }),
    UnknownTenant: ({ tenantId }) => ({ refusal: new NotFound({ entity: "tenant", id: tenantId }), reason: `no tenant ${tenantId}` })
  })

/**
 * The permission check every orchestrator acting for a caller starts with:
 * `const refused = yield* authorize(actor, "members.manage", AccessScope.tenant(id)); if (Option.isSome(refused)) return refused.value`.
 * A refusal is audited with the precise reason (callers only learn the missing ability).
 */
export const authorize = fn("Access.authorize")(function*(actor: Actor, ability: Ability, scope: AccessScope) {
  const decision = yield* (yield* AuthorizationResolver).decide({ actor, ability, scope, now: yield* DateTime.now })
  if (decision._tag === "Allowed") return Option.none<Refusal>()
  const { reason, refusal } = refusalOf(ability)(decision)
  yield* (yield* AuditTrail).record(
    new AuditIntent({
      action: ability,
      actor,
      outcome: refusal._tag,
      reason,
      target: new AuditTarget({ type: "scope", id: scopeRef(scope) }),
      ...(scope._tag === "TenantScope" ? { tenantId: scope.tenantId } : {})
    })
  )
  return Option.some(refusal)
})
