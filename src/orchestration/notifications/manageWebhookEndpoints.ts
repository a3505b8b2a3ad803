import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import {
  MAX_ENDPOINTS,
  validateUrl,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointId,
  WebhookEndpointList,
  WebhookEndpointRemoved
} from "../../domain/notifications/WebhookEndpoint.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Issue, NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { NotificationSubscriptions } from "./NotificationSubscriptions.js"

const audited = (actor: Actor, tenantId: TenantId, action: string, outcome: string, id: string, details?: AuditIntent["details"]) =>
  new AuditIntent({ action, actor, outcome, tenantId, target: new AuditTarget({ type: "webhook-endpoint", id }), ...(details ? { details } : {}) })

/** `GET /tenants/{id}/webhooks` (`webhooks.manage`): the tenant's endpoints, without their secrets. */
export const listWebhookEndpoints = fn("Notifications.listWebhookEndpoints")(function*(actor: Actor, tenantId: TenantId) {
  const refused = yield* authorize(actor, "webhooks.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  return new WebhookEndpointList({ endpoints: yield* (yield* NotificationSubscriptions).endpoints(tenantId) })
})

export interface WebhookEndpointInput {
  readonly url: string
  readonly kinds: ReadonlyArray<string>
}

/**
 * `POST /tenants/{id}/webhooks` (`webhooks.manage`): adds an endpoint that receives the tenant's
 * notifications of the kinds given (all when none), signed with a new secret shown this once.
 * `WebhookEndpointCreated | ValidationFailed | Refusal`.
 */
export const addWebhookEndpoint = fn("Notifications.addWebhookEndpoint")(function*(actor: Actor, tenantId: TenantId, input: WebhookEndpointInput) {
  const refused = yield* authorize(actor, "webhooks.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const url = validateUrl(input.url)
  if (Either.isLeft(url)) return new ValidationFailed({ issues: [url.left] })
  const subscriptions = yield* NotificationSubscriptions
  const endpoint = new WebhookEndpoint({ id: WebhookEndpointId.make(yield* (yield* Ids).next), tenantId, url: url.right, kinds: input.kinds, createdAt: yield* DateTime.now })
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if ((yield* subscriptions.endpoints(tenantId)).length >= MAX_ENDPOINTS) {
      return new ValidationFailed({ issues: [new Issue({ path: "", message: `a tenant has at most ${MAX_ENDPOINTS} webhook endpoints` })] })
    }
    const secret = yield* subscriptions.addEndpoint(endpoint)
    yield* (yield* AuditTrail).record(audited(actor, tenantId, "webhooks.create", "WebhookEndpointCreated", endpoint.id, { url: endpoint.url, kinds: [...endpoint.kinds] }))
    return new WebhookEndpointCreated({ endpoint, secret })
  }))
})

/** `DELETE /tenants/{id}/webhooks/{endpointId}` (`webhooks.manage`). `WebhookEndpointRemoved | NotFound | Refusal`. */
export const removeWebhookEndpoint = fn("Notifications.removeWebhookEndpoint")(function*(actor: Actor, tenantId: TenantId, id: WebhookEndpointId) {
  const refused = yield* authorize(actor, "webhooks.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* (yield* NotificationSubscriptions).removeEndpoint(tenantId, id))) return new NotFound({ entity: "webhook endpoint", id })
    yield* (yield* AuditTrail).record(audited(actor, tenantId, "webhooks.delete", "WebhookEndpointRemoved", id))
    return new WebhookEndpointRemoved({ id })
  }))
})
