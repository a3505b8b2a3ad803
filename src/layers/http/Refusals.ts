import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { PermissionDenied, TenantNotActive } from "../../domain/access/AccessOutcomes.js"
import { ReauthenticationRequired } from "../../domain/identity/AuthOutcomes.js"
import { NotFound } from "../../domain/shared/Outcomes.js"

/**
 * Adds the outcomes of `authorize` to an endpoint: `PermissionDenied`, `ReauthenticationRequired`
 * and `TenantNotActive` answer 403, an unknown tenant `NotFound` 404. Every endpoint whose
 * orchestrator authorizes declares them.
 */
export const withRefusals = <Name extends string, Method extends HttpMethod, Path, UrlParams, Payload, Headers, Success, Error, R, RE>(
  endpoint: HttpApiEndpoint.HttpApiEndpoint<Name, Method, Path, UrlParams, Payload, Headers, Success, Error, R, RE>
) =>
  endpoint
    .addSuccess(PermissionDenied, { status: 403 })
    .addSuccess(ReauthenticationRequired, { status: 403 })
    .addSuccess(TenantNotActive, { status: 403 })
    .addSuccess(NotFound, { status: 404 })
