import { Context, type Effect, type Option, type Redacted } from "effect"
import type { NotificationPreferences } from "../../domain/notifications/NotificationPreferences.js"
import type { WebhookEndpoint, WebhookEndpointId } from "../../domain/notifications/WebhookEndpoint.js"
import type { AccountId, TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/**
 * Who receives which notifications: each account's opt-outs, and each tenant's webhook
 * endpoints. Endpoint secrets are generated here, returned once, stored encrypted.
 */
export class NotificationSubscriptions extends Context.Tag("baton/notifications/NotificationSubscriptions")<NotificationSubscriptions, {
  /** The account's preferences; none when it never set any (it receives everything). */
  readonly preferences: (account: AccountId) => Effect.Effect<Option.Option<NotificationPreferences>, RepositoryError>
  /** Stores the account's preferences, replacing the previous ones. */
  readonly savePreferences: (preferences: NotificationPreferences) => Effect.Effect<void, RepositoryError>
  /** The tenant's endpoints, oldest first. */
  readonly endpoints: (tenant: TenantId) => Effect.Effect<ReadonlyArray<WebhookEndpoint>, RepositoryError>
  /** Adds an endpoint with a new random signing secret (≥ 256 bits), returned this once and stored encrypted. */
  readonly addEndpoint: (endpoint: WebhookEndpoint) => Effect.Effect<Redacted.Redacted<string>, RepositoryError>
  /** Removes an endpoint of the tenant; `false` when it has none of that id. */
  readonly removeEndpoint: (tenant: TenantId, id: WebhookEndpointId) => Effect.Effect<boolean, RepositoryError>
  /** An endpoint of the tenant with its signing secret, for the delivery that signs with it. */
  readonly signingEndpoint: (
    tenant: TenantId,
    id: WebhookEndpointId
  ) => Effect.Effect<Option.Option<{ readonly endpoint: WebhookEndpoint; readonly secret: Redacted.Redacted<string> }>, RepositoryError>
}>() {}
