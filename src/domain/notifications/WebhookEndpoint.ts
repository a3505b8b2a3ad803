import { Either, Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { Issue } from "../shared/Outcomes.js"
import { covers, KindPattern } from "./NotificationKind.js"

export const WebhookEndpointId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("WebhookEndpointId"))
export type WebhookEndpointId = typeof WebhookEndpointId.Type

/** A tenant has at most this many endpoints (each notification fans out to every one of them). */
export const MAX_ENDPOINTS = 10

/**
 * A tenant's webhook endpoint: notifications carrying the tenant's id and of the kinds listed
 * (every kind when none is) are POSTed to `url`, signed with the endpoint's own secret.
 */
export class WebhookEndpoint extends Schema.Class<WebhookEndpoint>("WebhookEndpoint")({
  id: WebhookEndpointId,
  tenantId: TenantId,
  url: Schema.String,
  kinds: Schema.Array(KindPattern),
  createdAt: Schema.DateTimeUtc
}) {}

/** Whether the endpoint receives notifications of `kind`. */
export const subscribes = (endpoint: WebhookEndpoint, kind: string): boolean =>
  endpoint.kinds.length === 0 || endpoint.kinds.some((pattern) => covers(pattern, kind))

const loopback = (hostname: string) =>
  hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)

/**
 * Checks an endpoint URL: absolute, `https` (plain `http` only to a loopback address, for local
 * receivers), without credentials or a fragment. Returns the normalised URL.
 */
export const validateUrl = (text: string): Either.Either<string, Issue> => {
  const issue = (message: string) => Either.left(new Issue({ path: "url", message }))
  if (!URL.canParse(text)) return issue("must be an absolute URL")
  const url = new URL(text)
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback(url.hostname))) {
    return issue("must use https (plain http only to a loopback address)")
  }
  if (url.username !== "" || url.password !== "") return issue("must not carry credentials")
  if (url.hash !== "") return issue("must not carry a fragment")
  return Either.right(url.href)
}

/** An endpoint was added. Its signing secret is shown this once; baton keeps it encrypted. */
export class WebhookEndpointCreated extends Schema.TaggedClass<WebhookEndpointCreated>()("WebhookEndpointCreated", {
  endpoint: WebhookEndpoint,
  secret: Schema.Redacted(Schema.String)
}) {}

export class WebhookEndpointList extends Schema.TaggedClass<WebhookEndpointList>()("WebhookEndpointList", {
  endpoints: Schema.Array(WebhookEndpoint)
}) {}

export class WebhookEndpointRemoved extends Schema.TaggedClass<WebhookEndpointRemoved>()("WebhookEndpointRemoved", {
  id: WebhookEndpointId
}) {}
