import { Either } from "effect"
import type { TenantId } from "../shared/Ids.js"
import { ModuleName, type RegisteredModule } from "./Module.js"
import {
  Activate,
  AlreadyInstalled,
  Backup,
  type DependencyCycle,
  DependentsInstalled,
  InstallPlan,
  NoUndo,
  NotInstalled,
  NoUpgradeAvailable,
  planned,
  PlannedModule,
  RestoreIfChanged,
  Teardown,
  TenantMigration,
  UninstallPlan,
  type UnresolvableDependency,
  UpgradePlan
} from "./Plan.js"
import { additionsFor, hasLifecycle, stepsFor } from "./PlanSteps.js"
import { type Installed, manifestOf } from "./Resolution.js"
import { compare, satisfies } from "./Semver.js"

export type { Installed } from "./Resolution.js"

/**
 * Plans installing `request.name` in `request.range` into a tenant: the dependency closure not yet
 * installed in dependency order, each at the highest published version satisfying every range;
 * then the steps. `DependencyCycle | UnresolvableDependency | AlreadyInstalled` when it cannot.
 */
export const planInstall = (
  registry: ReadonlyArray<RegisteredModule>,
  installed: ReadonlyArray<Installed>,
  request: { readonly tenantId: TenantId; readonly name: string; readonly range: string }
): Either.Either<InstallPlan, DependencyCycle | UnresolvableDependency | AlreadyInstalled> => {
  const present = installed.find((m) => m.name === request.name)
  if (present !== undefined) return Either.left(new AlreadyInstalled({ name: present.name, version: present.version }))
  return Either.map(additionsFor(registry, installed, request.name, request.range), (found) => {
    const additions = found.map((a) => ({ ...a, applied: new Set<string>() }))
    return new InstallPlan({
      tenantId: request.tenantId,
      target: additions[additions.length - 1]?.module as PlannedModule,
      modules: additions.map((a) => a.module),
      tablesCreated: additions.flatMap((a) => a.manifest.tenantMigrations.flatMap((m) => m.tables)),
      steps: stepsFor(additions)
    })
  })
}

/** The installed modules whose installed version depends on `name` (in a range `version` leaves, when given). */
export const dependentsOf = (registry: ReadonlyArray<RegisteredModule>, installed: ReadonlyArray<Installed>, name: string, version?: string) =>
  installed.filter((m) => {
    const range = manifestOf(registry, m.name, m.version)?.dependencies[name]
    return m.name !== name && range !== undefined && (version === undefined || !satisfies(version, range))
  }).map((m) => m.name).sort()

/**
 * Plans removing an installed module: blocked while installed modules depend on it; otherwise a
 * backup, its teardown, its tenant migrations down in reverse, and its deactivation. Every step is
 * undone by restoring the backup (dropped tables cannot be rebuilt otherwise).
 */
export const planUninstall = (
  registry: ReadonlyArray<RegisteredModule>,
  installed: ReadonlyArray<Installed>,
  request: { readonly tenantId: TenantId; readonly name: string }
): Either.Either<UninstallPlan, NotInstalled | DependentsInstalled> => {
  const present = installed.find((m) => m.name === request.name)
  if (present === undefined) return Either.left(new NotInstalled({ name: request.name }))
  const dependents = dependentsOf(registry, installed, request.name)
  if (dependents.length > 0) return Either.left(new DependentsInstalled({ name: request.name, dependents }))
  const manifest = manifestOf(registry, present.name, present.version)
  const ref = { module: ModuleName.make(present.name), version: present.version }
  const restore = new RestoreIfChanged()
  const migrations = [...(manifest?.tenantMigrations ?? [])].reverse()
  return Either.right(
    new UninstallPlan({
      tenantId: request.tenantId,
      ...ref,
      tablesDropped: migrations.flatMap((m) => m.tables),
      steps: [
        planned(new Backup(), restore),
        ...(manifest !== undefined && hasLifecycle(manifest) ? [planned(new Teardown(ref), restore)] : []),
        ...migrations.map((m) => planned(new TenantMigration({ ...ref, migration: m.id, direction: "down" }), restore)),
        planned(new Activate({ put: [], remove: [ref.module] }), new NoUndo())
      ]
    })
  )
}

/**
 * Plans upgrading an installed module to the highest published version in `range` newer than the
 * installed one: its new landlord and tenant migrations (by id) and any new dependencies. Blocked
 * when an installed dependent's range excludes the new version.
 */
export const planUpgrade = (
  registry: ReadonlyArray<RegisteredModule>,
  installed: ReadonlyArray<Installed>,
  request: { readonly tenantId: TenantId; readonly name: string; readonly range: string }
): Either.Either<UpgradePlan, NotInstalled | NoUpgradeAvailable | DependentsInstalled | DependencyCycle | UnresolvableDependency> => {
  const present = installed.find((m) => m.name === request.name)
  if (present === undefined) return Either.left(new NotInstalled({ name: request.name }))
  const newer = registry
    .filter((e) => e.manifest.name === request.name && e.status === "Published" && compare(e.manifest.version, present.version) > 0)
    .map((e) => e.manifest.version)
    .filter((v) => satisfies(v, request.range))
    .sort((a, b) => compare(b, a))[0]
  if (newer === undefined) return Either.left(new NoUpgradeAvailable({ name: present.name, installed: present.version, range: request.range }))
  const dependents = dependentsOf(registry, installed, request.name, newer)
  if (dependents.length > 0) return Either.left(new DependentsInstalled({ name: request.name, dependents }))
  const previous = manifestOf(registry, present.name, present.version)
  const applied = new Set([
    ...(previous?.landlordMigrations ?? []).map((m) => `landlord:${m.id}`),
    ...(previous?.tenantMigrations ?? []).map((m) => `tenant:${m.id}`)
  ])
  const others = installed.filter((m) => m.name !== request.name)
  return Either.map(additionsFor(registry, others, request.name, newer), (found) => {
    const additions = found.map((a) =>
      a.module.name === request.name
        ? { ...a, module: new PlannedModule({ ...a.module, asDependency: false }), applied }
        : { ...a, applied: new Set<string>() }
    )
    return new UpgradePlan({
      tenantId: request.tenantId,
      module: ModuleName.make(request.name),
      from: present.version,
      to: newer,
      modules: additions.map((a) => a.module),
      steps: stepsFor(additions)
    })
  })
}
