import { Match, Schema } from "effect"
import { AccountId, ApiTokenId, SessionId } from "./Ids.js"

/**
 * An account acting through an interactive session. A `restricted` session may only enrol the
 * second factor that the platform requires before anything else.
 */
export class AccountActor extends Schema.TaggedClass<AccountActor>()("AccountActor", {
  accountId: AccountId,
  sessionId: SessionId,
  restricted: Schema.optionalWith(Schema.Boolean, { default: () => false })
}) {}

/** An account acting through one of its API tokens; it carries the token's scopes. */
export class ApiTokenActor extends Schema.TaggedClass<ApiTokenActor>()("ApiTokenActor", {
  accountId: AccountId,
  tokenId: ApiTokenId,
  scopes: Schema.Array(Schema.String)
}) {}

/** baton itself (the CLI, the bootstrap, a dispatcher, a workflow step), named by component. */
export class SystemActor extends Schema.TaggedClass<SystemActor>()("SystemActor", {
  component: Schema.NonEmptyTrimmedString
}) {}

/** A client not yet authenticated (a login attempt), known by its network address and user agent. */
export class AnonymousActor extends Schema.TaggedClass<AnonymousActor>()("AnonymousActor", {
  ip: Schema.String,
  userAgent: Schema.String
}) {}

/** Who acts. Every orchestrator that changes state takes one, and every audit record names one. */
export const Actor = Schema.Union(AccountActor, ApiTokenActor, SystemActor, AnonymousActor)
export type Actor = typeof Actor.Type

/** A stable, human-readable reference to an actor, as written to the audit trail. */
export const actorRef: (actor: Actor) => string = Match.type<Actor>().pipe(
  Match.tagsExhaustive({
    AccountActor: (a) => `account:${a.accountId}`,
    ApiTokenActor: (a) => `token:${a.tokenId}`,
    SystemActor: (a) => `system:${a.component}`,
    AnonymousActor: (a) => `anonymous:${a.ip}`
  })
)
