import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { JobId, JobView } from "../../domain/modules/InstallationJob.js"
import * as I from "../../domain/modules/InstallationOutcomes.js"
import { ModuleName, ModuleVersion } from "../../domain/modules/Module.js"
import * as P from "../../domain/modules/Plan.js"
import * as R from "../../domain/modules/RegistryOutcomes.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import * as ModuleEndpoints from "./ModuleEndpoints.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const accepted = { status: 202 } as const
const conflict = { status: 409 } as const
const unprocessable = { status: 422 } as const

const job = allIssues(Schema.Struct({ id: JobId }))


/** The registry and each tenant's modules: plans (dry runs), installations, upgrades, uninstalls and their jobs. */
export class ModulesApi extends HttpApiGroup.make("modules")
  .add(withRefusals(HttpApiEndpoint.get("list", "/modules").addSuccess(R.ModuleList)).annotate(OpenApi.Summary, "The registry (Drafts only platform-wide)"))
  .add(
    withRefusals(HttpApiEndpoint.get("get", "/modules/:name").setPath(allIssues(Schema.Struct({ name: ModuleName }))).addSuccess(R.ModuleList))
      .annotate(OpenApi.Summary, "The versions of one module")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("register", "/modules")
        .setPayload(allIssues(Schema.Struct({ name: ModuleName, version: ModuleVersion })))
        .addSuccess(R.ModuleRegistered, { status: 201 })
        .addSuccess(R.InvalidSemver, unprocessable)
        .addSuccess(R.DuplicateModule, conflict)
        .addSuccess(R.UnpublishedDependency, unprocessable)
    ).annotate(OpenApi.Summary, "Register a module version the program declares, as a Draft")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("publish", "/modules/:name/versions/:version/publish")
        .setPath(allIssues(Schema.Struct({ name: ModuleName, version: ModuleVersion })))
        .addSuccess(R.ModulePublished)
        .addSuccess(R.InvalidRegistryTransition, conflict)
        .addSuccess(R.UnpublishedDependency, unprocessable)
    ).annotate(OpenApi.Summary, "Publish a Draft: tenants may install it")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("deprecate", "/modules/:name/versions/:version/deprecate")
        .setPath(allIssues(Schema.Struct({ name: ModuleName, version: ModuleVersion })))
        .addSuccess(R.ModuleDeprecated)
        .addSuccess(R.InvalidRegistryTransition, conflict)
    ).annotate(OpenApi.Summary, "Deprecate a published version: kept where installed, never chosen again")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("installed", "/tenants/:id/modules").setPath(allIssues(Schema.Struct({ id: TenantId }))).addSuccess(I.InstalledModules))
      .annotate(OpenApi.Summary, "The modules installed in the tenant, with their versions")
  )
  .add(ModuleEndpoints.installPlan)
  .add(ModuleEndpoints.uninstallPlan)
  .add(ModuleEndpoints.upgradePlan)
  .add(ModuleEndpoints.install)
  .add(ModuleEndpoints.upgrade)
  .add(ModuleEndpoints.uninstall)
  .add(withRefusals(HttpApiEndpoint.get("job", "/installation-jobs/:id").setPath(job).addSuccess(JobView)).annotate(OpenApi.Summary, "A job: state, progress, error, history"))
  .add(
    withRefusals(
      HttpApiEndpoint.get("events", "/installation-jobs/:id/events")
        .setPath(job)
        .addSuccess(HttpApiSchema.Text({ contentType: "text/event-stream" }))
    ).annotate(OpenApi.Summary, "Server-Sent Events: the job (a `progress` event) each time it changes, until it settles")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("retry", "/installation-jobs/:id/retry")
        .setPath(job)
        .addSuccess(I.InstallationAccepted, accepted)
        .addSuccess(I.JobStateConflict, conflict)
        .addSuccess(I.InstallationInProgress, conflict)
        .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
        .addSuccess(P.DependencyCycle, unprocessable)
        .addSuccess(P.UnresolvableDependency, unprocessable)
        .addSuccess(P.AlreadyInstalled, conflict)
    ).annotate(OpenApi.Summary, "Retry a Failed installation (202 and the job)")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("resolve", "/installation-jobs/:id/resolution")
        .setPath(job)
        .setPayload(allIssues(Schema.Struct({ action: I.Resolution, note: Schema.optionalWith(Schema.String.pipe(Schema.maxLength(500)), { default: () => "" }) })))
        .addSuccess(I.JobResolved)
        .addSuccess(I.JobStateConflict, conflict)
    ).annotate(OpenApi.Summary, "Operators: settle a job in ManualIntervention (restore the backup, or record it was done by hand)")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Modules")
{}

