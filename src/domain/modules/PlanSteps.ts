import { Either } from "effect"
import { type ModuleManifest, ModuleName, type RegisteredModule } from "./Module.js"
import {
  Activate,
  Backup,
  LandlordMigration,
  NoUndo,
  planned,
  PlannedModule,
  type PlannedStep,
  RestoreIfChanged,
  Retain,
  Setup,
  Teardown,
  TenantMigration
} from "./Plan.js"
import { dependencyOrder, type Installed, manifestOf, resolve } from "./Resolution.js"

/** The module versions to add, in dependency order, with their manifests. */
export interface Addition {
  readonly module: PlannedModule
  readonly manifest: ModuleManifest
  /** Migrations already applied (`landlord:<id>`, `tenant:<id>`: an upgrade's previous version); none for a new module. */
  readonly applied: ReadonlySet<string>
}

/** Setup marks a module present in the tenant's storage (its ledger entry), so teardown runs exactly once. */
export const hasLifecycle = (manifest: ModuleManifest) => manifest.setup || manifest.teardown

const retained = new Retain({ reason: "landlord storage is shared by every tenant" })

/** landlord migrations → backup → tenant migrations → setups → activation, each with its undo. */
export const stepsFor = (additions: ReadonlyArray<Addition>): ReadonlyArray<PlannedStep> => {
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
export const additionsFor = (registry: ReadonlyArray<RegisteredModule>, installed: ReadonlyArray<Installed>, root: string, range: string) =>
  Either.flatMap(resolve(registry, installed, root, range), (picks) =>
    Either.map(dependencyOrder(registry, picks, root), (order) =>
      order.map((name): Omit<Addition, "applied"> => {
        const version = picks.get(name) ?? ""
        return {
          module: new PlannedModule({ name: ModuleName.make(name), version, asDependency: name !== root }),
          manifest: manifestOf(registry, name, version) as ModuleManifest
        }
      })))

