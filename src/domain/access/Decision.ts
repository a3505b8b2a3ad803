import { Array as Arr, type DateTime, Match, Option, Schema } from "effect"
import { isFresh } from "../identity/Session.js"
import type { Tenant } from "../identity/Tenant.js"
import type { Actor } from "../shared/Actor.js"
import { TenantId } from "../shared/Ids.js"
import { Ability, definitionOf } from "./Ability.js"
import { AccessScope, scopeRef } from "./AccessScope.js"
import type { EffectiveGrant } from "./Role.js"

export class Allowed extends Schema.TaggedClass<Allowed>()("Allowed", {}) {}

/** The one `Allowed` (it has no fields; every authorized request gets it). */
const allowed = new Allowed()

/** Refused; `reason` is precise and goes to the audit trail only. */
export class Denied extends Schema.TaggedClass<Denied>()("Denied", {
  ability: Ability,
  scope: AccessScope,
  reason: Schema.String
}) {}

/** Allowed once the password is proven again (the ability needs a fresh authentication). */
export class NeedsReauthentication extends Schema.TaggedClass<NeedsReauthentication>()("NeedsReauthentication", {
  ability: Ability
}) {}

/** The actor's grants would allow it, but the tenant is suspended. */
export class TenantSuspended extends Schema.TaggedClass<TenantSuspended>()("TenantSuspended", {
  tenantId: TenantId
}) {}

/** The tenant does not exist (said only to actors whose platform-wide grants reach every tenant). */
export class UnknownTenant extends Schema.TaggedClass<UnknownTenant>()("UnknownTenant", {
  tenantId: TenantId
}) {}

export const Decision = Schema.Union(Allowed, Denied, NeedsReauthentication, TenantSuspended, UnknownTenant)
export type Decision = typeof Decision.Type

export interface AccessRequest {
  readonly actor: Actor
  readonly ability: Ability
  readonly scope: AccessScope
  readonly now: DateTime.Utc
}

/** What the decision reads, loaded by the resolver. */
export interface AccessFacts {
  /** The grants of the acting account (none for system and anonymous actors). */
  readonly grants: ReadonlyArray<EffectiveGrant>
  /** The tenant of a tenant scope; none when it does not exist (or the scope is the platform). */
  readonly tenant: Option.Option<Tenant>
  /** When the password was last proven in the acting session (sessions only). */
  readonly authenticatedAt: Option.Option<DateTime.Utc>
}

const reaches = (grant: EffectiveGrant, scope: AccessScope) =>
  Option.isNone(grant.tenantId) || (scope._tag === "TenantScope" && grant.tenantId.value === scope.tenantId)

/**
 * Decides whether an actor may exercise an ability in a scope. baton itself (system actors) may;
 * anonymous actors and restricted sessions may not; an account may when one of its grants holds
 * the ability and reaches the scope (platform-wide grants reach every tenant), an API token only
 * within its scopes, a suspended tenant only for platform-wide grants, a fresh ability only with the
 * password proven in the session within ten minutes.
 */
export const decide = (request: AccessRequest, facts: AccessFacts): Decision => {
  const { ability, actor, scope } = request
  const denied = (reason: string) => new Denied({ ability, scope, reason })
  const definition = definitionOf(ability)
  if (actor._tag === "SystemActor") return allowed
  if (actor._tag === "AnonymousActor") return denied("not authenticated")
  if (actor._tag === "AccountActor" && actor.restricted) return denied("restricted session: enrol the second factor first")
  if (definition.scope === "platform" && scope._tag === "TenantScope") return denied(`${ability} is a platform ability, asked in ${scopeRef(scope)}`)
  if (actor._tag === "ApiTokenActor" && !tokenAllows(actor.scopes, ability)) return denied(`the API token's scopes do not include ${ability}`)
  const holding = facts.grants.filter((grant) => grant.abilities.includes(ability) && reaches(grant, scope))
  const platformWide = holding.some((grant) => Option.isNone(grant.tenantId))
  if (scope._tag === "TenantScope") {
    if (Option.isNone(facts.tenant)) return platformWide ? new UnknownTenant({ tenantId: scope.tenantId }) : denied(`no tenant ${scope.tenantId}`)
    if (holding.length === 0) return denied(`no role of the account grants ${ability} in ${scopeRef(scope)}`)
    if (facts.tenant.value.status !== "active" && !platformWide) return new TenantSuspended({ tenantId: scope.tenantId })
  } else if (holding.length === 0) {
    return denied(`no platform role of the account grants ${ability}`)
  }
  if (!definition.fresh) return allowed
  if (actor._tag === "ApiTokenActor") return denied(`${ability} needs a fresh password in an interactive session, not an API token`)
  return Option.exists(facts.authenticatedAt, (at) => isFresh(at, request.now)) ? allowed : new NeedsReauthentication({ ability })
}

/**
 * An API token's scopes: none means every ability of its account; otherwise an ability is allowed
 * when a scope names it (`supply.plan`) or its family (`supply`).
 */
export const tokenAllows = (scopes: ReadonlyArray<string>, ability: Ability): boolean =>
  scopes.length === 0 || scopes.some((scope) => scope === ability || ability.startsWith(`${scope}.`))

/** Where an ability reaches for an actor: everywhere, in some tenants, or nowhere. */
export type Reach =
  | { readonly _tag: "Everywhere" }
  | { readonly _tag: "Tenants"; readonly tenants: ReadonlyArray<TenantId> }

/** The tenants in which an actor holds an ability (for listings filtered to what the actor may see). */
export const reachOf = (actor: Actor, ability: Ability, grants: ReadonlyArray<EffectiveGrant>): Reach =>
  Match.value(actor).pipe(
    Match.tag("SystemActor", (): Reach => ({ _tag: "Everywhere" })),
    Match.tag("AnonymousActor", (): Reach => ({ _tag: "Tenants", tenants: [] })),
    Match.orElse((account): Reach => {
      if (account._tag === "AccountActor" && account.restricted) return { _tag: "Tenants", tenants: [] }
      if (account._tag === "ApiTokenActor" && !tokenAllows(account.scopes, ability)) return { _tag: "Tenants", tenants: [] }
      const holding = grants.filter((grant) => grant.abilities.includes(ability))
      if (holding.some((grant) => Option.isNone(grant.tenantId))) return { _tag: "Everywhere" }
      return { _tag: "Tenants", tenants: Arr.dedupe(Arr.getSomes(holding.map((grant) => grant.tenantId))) }
    })
  )
