import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { JobId, JobView } from "../../domain/modules/InstallationJob.js"
import * as I from "../../domain/modules/InstallationOutcomes.js"
import { ModuleName, ModuleVersion, VersionRange } from "../../domain/modules/Module.js"
import * as P from "../../domain/modules/Plan.js"
import * as R from "../../domain/modules/RegistryOutcomes.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const accepted = { status: 202 } as const
const conflict = { status: 409 } as const
const unprocessable = { status: 422 } as const
const notFound = { status: 404 } as const

const module = allIssues(Schema.Struct({ id: TenantId, name: ModuleName }))
const job = allIssues(Schema.Struct({ id: JobId }))
const range = Schema.optionalWith(VersionRange, { default: () => VersionRange.make("*") })


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
  .add(
    withRefusals(
      HttpApiEndpoint.get("installPlan", "/tenants/:id/modules/:name/install-plan")
        .setPath(module)
        .setUrlParams(allIssues(Schema.Struct({ version: range })))
        .addSuccess(P.InstallPlan)
        .addSuccess(P.DependencyCycle, unprocessable)
        .addSuccess(P.UnresolvableDependency, unprocessable)
        .addSuccess(P.AlreadyInstalled, conflict)
        .addSuccess(R.InvalidSemver, unprocessable)
    ).annotate(OpenApi.Summary, "Dry run: what installing would do (modules, steps and their undo, tables), changing nothing")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.get("uninstallPlan", "/tenants/:id/modules/:name/uninstall-plan")
        .setPath(module)
        .addSuccess(P.UninstallPlan)
        .addSuccess(P.NotInstalled, notFound)
        .addSuccess(P.DependentsInstalled, conflict)
    ).annotate(OpenApi.Summary, "Dry run: the impact of uninstalling (tables dropped) or what blocks it")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.get("upgradePlan", "/tenants/:id/modules/:name/upgrade-plan")
        .setPath(module)
        .setUrlParams(allIssues(Schema.Struct({ version: range })))
        .addSuccess(P.UpgradePlan)
        .addSuccess(P.NotInstalled, notFound)
        .addSuccess(P.NoUpgradeAvailable, conflict)
        .addSuccess(P.DependentsInstalled, conflict)
        .addSuccess(P.DependencyCycle, unprocessable)
        .addSuccess(P.UnresolvableDependency, unprocessable)
        .addSuccess(P.AlreadyInstalled, conflict)
        .addSuccess(R.InvalidSemver, unprocessable)
    ).annotate(OpenApi.Summary, "Dry run: what upgrading would do")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("install", "/tenants/:id/modules/:name/installations")
        .setPath(module)
        .setHeaders(allIssues(Schema.Struct({ "idempotency-key": Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))) })))
        .setPayload(allIssues(Schema.Struct({ version: range })))
        .addSuccess(I.InstallationAccepted, accepted)
        .addSuccess(I.InstallationInProgress, conflict)
        .addSuccess(I.IdempotencyKeyReused, unprocessable)
        .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
        .addSuccess(P.DependencyCycle, unprocessable)
        .addSuccess(P.UnresolvableDependency, unprocessable)
        .addSuccess(P.AlreadyInstalled, conflict)
        .addSuccess(R.InvalidSemver, unprocessable)
    ).annotate(OpenApi.Summary, "Install the module (202 and the job); the same request or Idempotency-Key answers the same job")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("upgrade", "/tenants/:id/modules/:name/upgrades")
        .setPath(module)
        .setPayload(allIssues(Schema.Struct({ version: range })))
        .addSuccess(I.InstallationAccepted, accepted)
        .addSuccess(I.InstallationInProgress, conflict)
        .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
        .addSuccess(P.NotInstalled, notFound)
        .addSuccess(P.NoUpgradeAvailable, conflict)
        .addSuccess(P.DependentsInstalled, conflict)
        .addSuccess(P.DependencyCycle, unprocessable)
        .addSuccess(P.UnresolvableDependency, unprocessable)
        .addSuccess(P.AlreadyInstalled, conflict)
        .addSuccess(R.InvalidSemver, unprocessable)
    ).annotate(OpenApi.Summary, "Upgrade the active module to the newest version in range (202 and the job)")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("uninstall", "/tenants/:id/modules/:name/uninstallations")
        .setPath(module)
        .addSuccess(I.InstallationAccepted, accepted)
        .addSuccess(I.InstallationInProgress, conflict)
        .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
        .addSuccess(P.NotInstalled, notFound)
        .addSuccess(P.DependentsInstalled, conflict)
        .addSuccess(P.NoUpgradeAvailable, conflict)
        .addSuccess(P.DependencyCycle, unprocessable)
        .addSuccess(P.UnresolvableDependency, unprocessable)
        .addSuccess(R.InvalidSemver, unprocessable)
    ).annotate(OpenApi.Summary, "Uninstall the module, unless installed modules depend on it (202 and the job)")
  )
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

