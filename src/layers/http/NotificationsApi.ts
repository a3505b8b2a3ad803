import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { SessionRequired } from "../../domain/identity/AuthOutcomes.js"
import { NotificationCategory } from "../../domain/notifications/NotificationIntent.js"
import { KindPattern } from "../../domain/notifications/NotificationKind.js"
import {
  PreferencesUpdated,
  PreferencesView,
  SecurityNotificationsMandatory
} from "../../domain/notifications/NotificationPreferences.js"
import { WebhookEndpointCreated, WebhookEndpointId, WebhookEndpointList } from "../../domain/notifications/WebhookEndpoint.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const Kinds = Schema.Array(KindPattern).pipe(Schema.maxItems(50))
const TenantPath = Schema.Struct({ id: TenantId })

/** The caller's notification preferences, and each tenant's webhook endpoints (`webhooks.manage`). */
export class NotificationsApi extends HttpApiGroup.make("notifications")
  .add(
    HttpApiEndpoint.get("getPreferences", "/me/notification-preferences")
      .addSuccess(PreferencesView)
      .addSuccess(SessionRequired, { status: 403 })
      .annotate(OpenApi.Summary, "What the caller's account muted (security notifications cannot be muted)")
  )
  .add(
    HttpApiEndpoint.put("setPreferences", "/me/notification-preferences")
      .setPayload(allIssues(Schema.Struct({
        mutedCategories: Schema.Array(NotificationCategory).pipe(Schema.maxItems(3)),
        mutedKinds: Kinds
      })))
      .addSuccess(PreferencesUpdated)
      .addSuccess(SessionRequired, { status: 403 })
      .addSuccess(SecurityNotificationsMandatory, { status: 422 })
      .annotate(OpenApi.Summary, "Mute notification categories (operations, info) or kinds; asking to mute security ones is refused")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("listWebhooks", "/tenants/:id/webhooks").setPath(allIssues(TenantPath)).addSuccess(WebhookEndpointList))
      .annotate(OpenApi.Summary, "The tenant's webhook endpoints (without their secrets)")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("addWebhook", "/tenants/:id/webhooks")
        .setPath(allIssues(TenantPath))
        .setPayload(allIssues(Schema.Struct({
          url: Schema.String.pipe(Schema.maxLength(2048)),
          kinds: Schema.optionalWith(Kinds, { default: () => [] })
        })))
        .addSuccess(WebhookEndpointCreated, { status: 201 })
        .addSuccess(ValidationFailed, { status: 422 })
    ).annotate(OpenApi.Summary, "Add an endpoint (https, or http to loopback) for the tenant's notifications; its signing secret is shown once")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.del("removeWebhook", "/tenants/:id/webhooks/:endpointId")
        .setPath(allIssues(Schema.Struct({ id: TenantId, endpointId: WebhookEndpointId })))
    ).addSuccess(HttpApiSchema.NoContent).annotate(OpenApi.Summary, "Remove an endpoint; deliveries still pending for it are dropped")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Notifications")
{}
