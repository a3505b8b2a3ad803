import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { Broken, Intact } from "../../domain/audit/ChainVerification.js"
import { AuditCursor, AuditOrder, AuditPage, DEFAULT_PAGE, MAX_PAGE } from "../../domain/audit/AuditQuery.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const Text = (max: number) => Schema.String.pipe(Schema.maxLength(max))

/** `GET /audit` filters (each narrows), the page cursor and size, and the order (newest first by default). */
export const AuditQueryParams = Schema.Struct({
  actor: Schema.optional(Text(200)).annotations({ description: "account:<id>, token:<id>, system:<component> or anonymous:<ip>" }),
  action: Schema.optional(Text(100)),
  targetType: Schema.optional(Text(100)),
  targetId: Schema.optional(Text(200)),
  tenant: Schema.optional(TenantId),
  outcome: Schema.optional(Text(100)),
  from: Schema.optional(Schema.DateTimeUtc).annotations({ description: "inclusive" }),
  to: Schema.optional(Schema.DateTimeUtc).annotations({ description: "exclusive" }),
  cursor: Schema.optional(AuditCursor),
  limit: Schema.optionalWith(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, MAX_PAGE)), { default: () => DEFAULT_PAGE }),
  order: Schema.optionalWith(AuditOrder, { default: () => "desc" as const })
})

/** The audit trail: listing (scoped to the tenants the caller may audit) and verification of its hash chain. */
export class AuditApi extends HttpApiGroup.make("audit")
  .add(
    withRefusals(HttpApiEndpoint.get("query", "/audit").setUrlParams(allIssues(AuditQueryParams)).addSuccess(AuditPage))
      .annotate(OpenApi.Summary, "List audit records by sequence, filtered, a page at a time (pass nextCursor back as cursor)")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("verify", "/audit/verify").addSuccess(Intact).addSuccess(Broken, { status: 409 }))
      .annotate(OpenApi.Summary, "Walk the hash chain: Intact with its head, or 409 Broken at the first edited, missing or reordered record")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Audit")
{}
