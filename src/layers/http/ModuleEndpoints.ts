import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import * as I from "../../domain/modules/InstallationOutcomes.js"
import { ModuleName, VersionRange } from "../../domain/modules/Module.js"
import * as P from "../../domain/modules/Plan.js"
import * as R from "../../domain/modules/RegistryOutcomes.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

/**
 * The endpoints of a module in a tenant, added to the `modules` group: plans (dry runs that change
 * nothing), installation, upgrade and uninstall (202 and the job).
 */

const accepted = { status: 202 } as const
const conflict = { status: 409 } as const
const unprocessable = { status: 422 } as const
const notFound = { status: 404 } as const

/** What resolving a version range and its dependencies can answer instead of a plan (422). */
const withResolutionFailures = <Name extends string, Method extends HttpMethod, Path, UrlParams, Payload, Headers, Success, Error, R, RE>(
  endpoint: HttpApiEndpoint.HttpApiEndpoint<Name, Method, Path, UrlParams, Payload, Headers, Success, Error, R, RE>
) =>
  endpoint
    .addSuccess(P.DependencyCycle, unprocessable)
    .addSuccess(P.UnresolvableDependency, unprocessable)
    .addSuccess(R.InvalidSemver, unprocessable)

const module = allIssues(Schema.Struct({ id: TenantId, name: ModuleName }))
const range = Schema.optionalWith(VersionRange, { default: () => VersionRange.make("*") })

export const installPlan = withRefusals(withResolutionFailures(
  HttpApiEndpoint.get("installPlan", "/tenants/:id/modules/:name/install-plan")
    .setPath(module)
    .setUrlParams(allIssues(Schema.Struct({ version: range })))
    .addSuccess(P.InstallPlan)
    .addSuccess(P.AlreadyInstalled, conflict)
)).annotate(OpenApi.Summary, "Dry run: what installing would do (modules, steps and their undo, tables), changing nothing")

export const uninstallPlan = withRefusals(
  HttpApiEndpoint.get("uninstallPlan", "/tenants/:id/modules/:name/uninstall-plan")
    .setPath(module)
    .addSuccess(P.UninstallPlan)
    .addSuccess(P.NotInstalled, notFound)
    .addSuccess(P.DependentsInstalled, conflict)
).annotate(OpenApi.Summary, "Dry run: the impact of uninstalling (tables dropped) or what blocks it")

export const upgradePlan = withRefusals(withResolutionFailures(
  HttpApiEndpoint.get("upgradePlan", "/tenants/:id/modules/:name/upgrade-plan")
    .setPath(module)
    .setUrlParams(allIssues(Schema.Struct({ version: range })))
    .addSuccess(P.UpgradePlan)
    .addSuccess(P.NotInstalled, notFound)
    .addSuccess(P.NoUpgradeAvailable, conflict)
    .addSuccess(P.DependentsInstalled, conflict)
    .addSuccess(P.AlreadyInstalled, conflict)
)).annotate(OpenApi.Summary, "Dry run: what upgrading would do")

export const install = withRefusals(withResolutionFailures(
  HttpApiEndpoint.post("install", "/tenants/:id/modules/:name/installations")
    .setPath(module)
    .setHeaders(allIssues(Schema.Struct({ "idempotency-key": Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))) })))
    .setPayload(allIssues(Schema.Struct({ version: range })))
    .addSuccess(I.InstallationAccepted, accepted)
    .addSuccess(I.InstallationInProgress, conflict)
    .addSuccess(I.IdempotencyKeyReused, unprocessable)
    .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
    .addSuccess(P.AlreadyInstalled, conflict)
)).annotate(OpenApi.Summary, "Install the module (202 and the job); the same request or Idempotency-Key answers the same job")

export const upgrade = withRefusals(withResolutionFailures(
  HttpApiEndpoint.post("upgrade", "/tenants/:id/modules/:name/upgrades")
    .setPath(module)
    .setPayload(allIssues(Schema.Struct({ version: range })))
    .addSuccess(I.InstallationAccepted, accepted)
    .addSuccess(I.InstallationInProgress, conflict)
    .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
    .addSuccess(P.NotInstalled, notFound)
    .addSuccess(P.NoUpgradeAvailable, conflict)
    .addSuccess(P.DependentsInstalled, conflict)
    .addSuccess(P.AlreadyInstalled, conflict)
)).annotate(OpenApi.Summary, "Upgrade the active module to the newest version in range (202 and the job)")

export const uninstall = withRefusals(withResolutionFailures(
  HttpApiEndpoint.post("uninstall", "/tenants/:id/modules/:name/uninstallations")
    .setPath(module)
    .addSuccess(I.InstallationAccepted, accepted)
    .addSuccess(I.InstallationInProgress, conflict)
    .addSuccess(I.EntitlementServiceUnavailable, { status: 503 })
    .addSuccess(P.NotInstalled, notFound)
    .addSuccess(P.DependentsInstalled, conflict)
    .addSuccess(P.NoUpgradeAvailable, conflict)
)).annotate(OpenApi.Summary, "Uninstall the module, unless installed modules depend on it (202 and the job)")
