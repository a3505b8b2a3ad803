import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { TenantCreated, TenantExists, TenantList, TenantView } from "../../domain/identity/TenantOutcomes.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { CreateTenantInput } from "../../orchestration/identity/createTenant.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

/** The `{id}` of a tenant path. */
export const TenantPath = allIssues(Schema.Struct({ id: TenantId }))

const Reason = allIssues(Schema.Struct({ reason: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(500)) }))

/** Tenants: create, list, read, suspend and reinstate. */
export class TenantsApi extends HttpApiGroup.make("tenants")
  .add(HttpApiEndpoint.get("list", "/tenants").addSuccess(TenantList).annotate(OpenApi.Summary, "The tenants the caller may see"))
  .add(
    withRefusals(HttpApiEndpoint.post("create", "/tenants").setPayload(allIssues(CreateTenantInput)))
      .addSuccess(TenantCreated, { status: 201 })
      .addSuccess(TenantExists, { status: 409 })
      .addSuccess(ValidationFailed, { status: 422 })
      .annotate(OpenApi.Summary, "Create a tenant (its id is its permanent slug)")
  )
  .add(withRefusals(HttpApiEndpoint.get("get", "/tenants/:id").setPath(TenantPath)).addSuccess(TenantView))
  .add(
    withRefusals(HttpApiEndpoint.post("suspend", "/tenants/:id/suspension").setPath(TenantPath).setPayload(Reason))
      .addSuccess(TenantView)
      .annotate(OpenApi.Summary, "Suspend a tenant: its members cannot act inside it")
  )
  .add(
    withRefusals(HttpApiEndpoint.del("reinstate", "/tenants/:id/suspension").setPath(TenantPath))
      .addSuccess(TenantView)
      .annotate(OpenApi.Summary, "Reinstate a suspended tenant")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Tenants")
{}
