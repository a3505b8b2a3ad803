import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { InvalidSettingValue, SettingList, SettingNotOverridable, SettingUpdated, UnknownSetting } from "../../domain/settings/SettingOutcomes.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Json } from "../../domain/shared/Json.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"
import { TenantPath } from "./TenantsApi.js"

const Key = Schema.String.pipe(Schema.maxLength(200))
const Value = allIssues(Schema.Struct({ value: Json }))


/** Settings and feature flags: platform-wide, and each tenant's overrides. */
export class SettingsApi extends HttpApiGroup.make("settings")
  .add(
    withRefusals(HttpApiEndpoint.get("list", "/settings")).addSuccess(SettingList).annotate(OpenApi.Summary, "Every setting's platform-wide value")
  )
  .add(
    withRefusals(HttpApiEndpoint.put("set", "/settings/:key").setPath(allIssues(Schema.Struct({ key: Key }))).setPayload(Value))
      .addSuccess(SettingUpdated)
      .addSuccess(UnknownSetting, { status: 404 })
      .addSuccess(InvalidSettingValue, { status: 422 })
      .addSuccess(SettingNotOverridable, { status: 422 })
      .annotate(OpenApi.Summary, "Set a platform-wide value (checked against the setting's schema)")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("listInTenant", "/tenants/:id/settings").setPath(TenantPath))
      .addSuccess(SettingList)
      .annotate(OpenApi.Summary, "Every setting's value in the tenant, with its overrides")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.put("setInTenant", "/tenants/:id/settings/:key").setPath(allIssues(Schema.Struct({ id: TenantId, key: Key }))).setPayload(Value)
    )
      .addSuccess(SettingUpdated)
      .addSuccess(UnknownSetting, { status: 404 })
      .addSuccess(InvalidSettingValue, { status: 422 })
      .addSuccess(SettingNotOverridable, { status: 422 })
      .annotate(OpenApi.Summary, "Override a tenant-scoped setting for the tenant")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Settings")
{}
