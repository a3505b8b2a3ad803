import { Either } from "effect"
import type { TenantId } from "../shared/Ids.js"
import { type ModuleManifest, ModuleName, type RegisteredModule } from "./Module.js"
import {
  Activate,
  AlreadyInstalled,
  Backup,
  DependentsInstalled,
  InstallPlan,
  LandlordMigration,
  NoUndo,
  NotInstalled,
  NoUpgradeAvailable,
  planned,
  PlannedModule,
  type DependencyCycle,
  type PlannedStep,
  type UnresolvableDependency,
  RestoreIfChanged,
  Retain,
  Setup,
  Teardown,
  TenantMigration,
  UninstallPlan,
  UpgradePlan
} from "./Plan.js"
import { dependencyOrder, type Installed, manifestOf, resolve } from "./Resolution.js"
import { compare, satisfies } from "./Semver.js"

export type { Installed } from "./Resolution.js"

/** The module versions to add, in dependency order, with their manifests. */
interface Addition {
  readonly module: PlannedModule
  readonly manifest: ModuleManifest
  /** Migrations already applied (`landlord:<id>`, `tenant:<id>`: an upgrade's previous version); none for a new module. */
  readonly applied: ReadonlySet<string>
}

/** Setup marks a module present in the tenant's storage (its ledger entry), so teardown runs exactly once. */
const hasLifecycle = (manifest: ModuleManifest) => manifest.setup || manifest.teardown

const retained = new Retain({ reason: "landlord storage is shared by every tenant" })

/** landlord migrations → backup → tenant migrations → setups → activation, each with its undo. */
const stepsFor = (additions: ReadonlyArray<Addition>): ReadonlyArray<PlannedStep> => {
  const fresh = (a: Addition, kind: "landlord" | "tenant", ids: ReadonlyArray<{ readonly id: string }>) =>
    ids.filter((m) => !a.applied.has(`${kind}:${m.id}`))
  const ref = (a: Addition) => ({ module: a.module.name, version: a.module.version })
  return [
    ...additions.flatMap((a) =>
      fresh(a, "landlord", a.manifest.landlordMigrations).map((m) => planned(new LandlordMigration({ ...ref(a), migration: m.id, direction: "up" }), retained))
    ),
    planned(new Backup(), new RestoreIfChanged()),
    ...additions.flatMap((a) =>
      fresh(a, "tenant", a.manifest.tenantMigrations).map((m) =>
        planned(
          new TenantMigration({ ...ref(a), migration: m.id, direction: "up" }),
          new TenantMigration({ ...ref(a), migration: m.id, direction: "down" })
        )
      )
    ),
    ...additions.filter((a) => hasLifecycle(a.manifest) && a.applied.size === 0).map((a) => planned(new Setup(ref(a)), new Teardown(ref(a)))),
    planned(new Activate({ put: additions.map((a) => a.module), remove: [] }), new NoUndo())
  ]
}

/** Resolves the root and the dependencies it needs, in dependency order. */
const additionsFor = (registry: ReadonlyArray<RegisteredModule>, installed: ReadonlyArray<Installed>, root: string, range: string) =>
  Either.flatMap(resolve(registry, installed, root, range), (picks) =>
    Either.map(dependencyOrder(registry, picks, root), (order) =>
      order.map((name): Omit<Addition, "applied"> => {
        const version = picks.get(name) ?? ""
        return {
          module: new PlannedModule({ name: ModuleName.make(name), version, asDependency: name !== root }),
          manifest: manifestOf(registry, name, version) as ModuleManifest
        }
      })))

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
