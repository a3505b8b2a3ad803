import { Effect, Layer, Option } from "effect"
import { definitionOf } from "../../domain/access/Ability.js"
import { scopeRef } from "../../domain/access/AccessScope.js"
import { type AccessRequest, decide, type Decision, reachOf } from "../../domain/access/Decision.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"
import * as CommittedReads from "../sql/CommittedReads.js"

/**
 * The authorization resolver over baton's own stores: the grants from `Roles`, the tenant from
 * `Tenants`, the session's last password proof from `Sessions` (read only for fresh abilities),
 * loaded one after the other (forking a fiber per read costs more than the reads themselves on
 * SQLite, whose one connection serialises them anyway) and decided by the pure `decide`.
 *
 * A decision that depends only on those rows (not on time: every ability but the fresh ones) is
 * remembered while the access generation stands (`CommittedReads.remember`): every write to
 * grants, roles, memberships or tenants moves it. Where nothing watches commits, each decision is
 * made afresh. Refusals are still audited by `authorize` every time.
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

  const remembered = yield* CommittedReads.remember<Decision>()
  /** Who asks, as far as a decision can tell (an API token's scopes are its token's); none for system and anonymous actors. */
  const askerOf = (actor: Actor) =>
    actor._tag === "AccountActor" ? `account:${actor.accountId}:${actor.restricted}` : actor._tag === "ApiTokenActor" ? `token:${actor.tokenId}` : undefined

  return AuthorizationResolver.of({
    decide: (request) => {
      const asker = askerOf(request.actor)
      return asker === undefined || definitionOf(request.ability).fresh
        ? decideRequest(request)
        : remembered(`${asker}\u0000${request.ability}\u0000${scopeRef(request.scope)}`, () => decideRequest(request))
    },
    reach: (actor, ability) => Effect.map(grantsOf(actor), (grants) => reachOf(actor, ability, grants))
  })
})

export const layer: Layer.Layer<AuthorizationResolver, never, Roles | Tenants | Sessions> = Layer.effect(AuthorizationResolver, make)
