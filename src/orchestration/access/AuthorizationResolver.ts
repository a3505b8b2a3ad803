import { Context, type Effect } from "effect"
import type { Ability } from "../../domain/access/Ability.js"
import type { AccessRequest, Decision, Reach } from "../../domain/access/Decision.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/**
 * Decides access. Implementations load the facts (the account's grants, the tenant, the session's
 * last password proof) and apply the pure `decide` of `domain/access/Decision.ts`: a host may back
 * this port with its own directory, but never with different rules.
 */
export class AuthorizationResolver extends Context.Tag("baton/access/AuthorizationResolver")<AuthorizationResolver, {
  readonly decide: (request: AccessRequest) => Effect.Effect<Decision, RepositoryError>
  /** Where the actor holds the ability: everywhere or in which tenants (to filter listings). */
  readonly reach: (actor: Actor, ability: Ability) => Effect.Effect<Reach, RepositoryError>
}>() {}
