import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Effect } from "effect"
import type { Actor } from "../../domain/shared/Actor.js"
import { getNotificationPreferences, setNotificationPreferences } from "../../orchestration/notifications/manageNotificationPreferences.js"
import { addWebhookEndpoint, listWebhookEndpoints, removeWebhookEndpoint } from "../../orchestration/notifications/manageWebhookEndpoints.js"
import { Authentication, CurrentActor } from "./Authentication.js"
import { BatonApi } from "./BatonApi.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import type { NotificationsApi } from "./NotificationsApi.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { NotificationSubscriptions } from "../../orchestration/notifications/NotificationSubscriptions.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

type Removed = { readonly _tag: "WebhookEndpointRemoved" }

/** Maps `WebhookEndpointRemoved` (done) to 204 and leaves every other outcome as it is. */
const noContent = <A extends { readonly _tag: string }>(outcome: A): Exclude<A, Removed> | void =>
  outcome._tag === "WebhookEndpointRemoved" ? undefined : (outcome as Exclude<A, Removed>)

const asActor = <A, E, R>(operation: (actor: Actor) => Effect.Effect<A, E, R>) => CurrentActor.pipe(Effect.flatMap(operation), unavailable)

/** Handlers of the `notifications` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof NotificationsApi>>) =>
  group
    .handle("getPreferences", () => asActor(getNotificationPreferences))
    .handle("setPreferences", ({ payload }) => asActor((actor) => setNotificationPreferences(actor, payload)))
    .handle("listWebhooks", ({ path }) => asActor((actor) => listWebhookEndpoints(actor, path.id)))
    .handle("addWebhook", ({ path, payload }) => asActor((actor) => addWebhookEndpoint(actor, path.id, payload)))
    .handle("removeWebhook", ({ path }) =>
      asActor((actor) => removeWebhookEndpoint(actor, path.id, path.endpointId)).pipe(
        Effect.map(noContent)
      ))

/** The `notifications` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "notifications", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Ids, NotificationSubscriptions, Transactions)
)
