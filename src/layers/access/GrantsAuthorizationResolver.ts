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

  const decideRequest = (request: AccessRequest) =>
    Effect.all({
      grants: grantsOf(request.actor),
      tenant: request.scope._tag === "TenantScope" ? tenants.find(request.scope.tenantId) : Effect.succeedNone,
      authenticatedAt: request.actor._tag === "AccountActor" && definitionOf(request.ability).fresh
        ? Effect.map(sessions.find(request.actor.accountId, request.actor.sessionId), Option.map((s) => s.authenticatedAt))
        : Effect.succeedNone
    }).pipe(Effect.map((facts) => decide(request, facts)))

  return AuthorizationResolver.of({
    decide: decideRequest,
    reach: (actor, ability) => Effect.map(grantsOf(actor), (grants) => reachOf(actor, ability, grants))
  })
})

export const layer: Layer.Layer<AuthorizationResolver, never, Roles | Tenants | Sessions> = Layer.effect(AuthorizationResolver, make)
