import { Effect, Layer, Option } from "effect"
import { definitionOf } from "../../domain/access/Ability.js"
import { type AccessRequest, decide, reachOf } from "../../domain/access/Decision.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"

/**
 * The authorization resolver over baton's own stores: the grants from `Roles`, the tenant from
 * `Tenants`, the session's last password proof from `Sessions` (read only for fresh abilities),
 * loaded one after the other (forking a fiber per read costs more than the reads themselves on
 * SQLite, whose one connection serialises them anyway) and decided by the pure `decide`.
 */
export const make = Effect.gen(function*() {
  const roles = yield* Roles
  const tenants = yield* Tenants
  const sessions = yield* Sessions

  const grantsOf = (actor: Actor) =>
    actor._tag === "AccountActor" || actor._tag === "ApiTokenActor" ? roles.grantsOf(actor.accountId) : Effect.succeed([])

  const tenantOf = (scope: AccessRequest["scope"]) => scope._tag === "TenantScope" ? tenants.find(scope.tenantId) : Effect.succeedNone

  const authenticatedAtOf = ({ ability, actor }: AccessRequest) =>
    actor._tag === "AccountActor" && definitionOf(ability).fresh
      ? Effect.map(sessions.find(actor.accountId, actor.sessionId), Option.map((s) => s.authenticatedAt))
      : Effect.succeedNone

  // chained by hand rather than `Effect.all` of a struct: this runs on every authorized request
  const decideRequest = (request: AccessRequest) =>
    Effect.flatMap(grantsOf(request.actor), (grants) =>
      Effect.flatMap(tenantOf(request.scope), (tenant) =>
        Effect.map(authenticatedAtOf(request), (authenticatedAt) => decide(request, { grants, tenant, authenticatedAt }))))

  return AuthorizationResolver.of({
    decide: decideRequest,
    reach: (actor, ability) => Effect.map(grantsOf(actor), (grants) => reachOf(actor, ability, grants))
  })
})

export const layer: Layer.Layer<AuthorizationResolver, never, Roles | Tenants | Sessions> = Layer.effect(AuthorizationResolver, make)
