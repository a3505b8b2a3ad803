import { type Either } from "effect"
import type { InstallationJob, InstalledModule } from "./InstallationJob.js"
import type { RegisteredModule } from "./Module.js"
import { AlreadyInstalled, type Plan, type PlanRefusal } from "./Plan.js"
import { planInstall, planUninstall, planUpgrade } from "./Planner.js"
import { manifestOf } from "./Resolution.js"
import { Untouched } from "./TenantSnapshot.js"

/**
 * The plan of a job's operation against the tenant as it is now (the saga plans again when the
 * tenant's turn comes: what was installed meanwhile is not installed twice). An installation whose
 * module was installed meanwhile as another module's dependency, for this very job, has nothing
 * left to do: `AlreadyInstalled` with `adopted`.
 */
export const planForJob = (
  job: InstallationJob,
  registry: ReadonlyArray<RegisteredModule>,
  installed: ReadonlyArray<InstalledModule>
): Either.Either<Plan, PlanRefusal> => {
  const request = { tenantId: job.tenantId, name: job.module }
  switch (job.operation) {
    case "install":
      return planInstall(registry, installed, { ...request, range: job.range })
    case "upgrade":
      return planUpgrade(registry, installed, { ...request, range: job.version })
    case "uninstall":
      return planUninstall(registry, installed, request)
  }
}

/** Whether the job's module is installed already, recorded as this job's (a dependency installed for it meanwhile). */
export const adopted = (job: InstallationJob, refusal: PlanRefusal, installed: ReadonlyArray<InstalledModule>): boolean =>
  refusal instanceof AlreadyInstalled && installed.some((m) => m.name === job.module && m.jobId === job.id)

/** The entitlements the modules a plan installs need (none for an uninstall). */
export const entitlementsOf = (plan: Plan, registry: ReadonlyArray<RegisteredModule>): ReadonlyArray<string> =>
  plan._tag === "UninstallPlan"
    ? []
    : [...new Set(plan.modules.flatMap((m) => {
      const manifest = manifestOf(registry, m.name, m.version)
      return manifest !== undefined && manifest.entitlement._tag === "Some" ? [manifest.entitlement.value] : []
    }))]

/** An outcome as a job's error reads: its tag and its fields. */
export const describeOutcome = (outcome: { readonly _tag: string }): string => {
  const { _tag, ...fields } = outcome
  const shown = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
  return shown.length === 0 ? _tag : `${_tag}: ${shown.join(", ")}`
}

/** The version a plan leaves the job's module at. */
export const planVersion = (plan: Plan): string =>
  plan._tag === "InstallPlan" ? plan.target.version : plan._tag === "UpgradePlan" ? plan.to : plan.version

/**
 * What a plan leaves alone in the tenant's storage: the tables and ledger entries of the installed
 * modules it does not install, upgrade or remove.
 */
export const untouchedBy = (plan: Plan, installed: ReadonlyArray<InstalledModule>, registry: ReadonlyArray<RegisteredModule>): Untouched => {
  const touched = new Set<string>(plan._tag === "UninstallPlan" ? [plan.module] : plan.modules.map((m) => m.name))
  const others = installed.filter((m) => !touched.has(m.name))
  return new Untouched({
    tables: others.flatMap((m) => manifestOf(registry, m.name, m.version)?.tenantMigrations.flatMap((migration) => migration.tables) ?? []),
    modules: others.map((m) => m.name)
  })
}
