import { Match, Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { ModuleName } from "./Module.js"

/** Which way a migration runs. */
export const Direction = Schema.Literal("up", "down")
export type Direction = typeof Direction.Type

/** A module version a plan installs (or keeps), and whether only as another module's dependency. */
export class PlannedModule extends Schema.Class<PlannedModule>("PlannedModule")({
  name: ModuleName,
  version: Schema.String,
  asDependency: Schema.Boolean
}) {}

/** A migration of the platform's own storage, run once per platform (idempotent). */
export class LandlordMigration extends Schema.TaggedClass<LandlordMigration>()("LandlordMigration", {
  module: ModuleName,
  version: Schema.String,
  migration: Schema.String,
  direction: Direction
}) {}

/** A copy of the tenant's storage (schema and data), kept with the job until it settles. */
export class Backup extends Schema.TaggedClass<Backup>()("Backup", {}) {}

/** A migration of the tenant's own storage. */
export class TenantMigration extends Schema.TaggedClass<TenantMigration>()("TenantMigration", {
  module: ModuleName,
  version: Schema.String,
  migration: Schema.String,
  direction: Direction
}) {}

/** A module's setup (e.g. default data) in the tenant's storage. */
export class Setup extends Schema.TaggedClass<Setup>()("Setup", { module: ModuleName, version: Schema.String }) {}

/** A module's teardown in the tenant's storage (before its tables go). */
export class Teardown extends Schema.TaggedClass<Teardown>()("Teardown", { module: ModuleName, version: Schema.String }) {}

/** Records the modules as installed (active) or removes them: the last step, one transaction. */
export class Activate extends Schema.TaggedClass<Activate>()("Activate", {
  put: Schema.Array(PlannedModule),
  remove: Schema.Array(ModuleName)
}) {}

/** One step of a plan. Every step is idempotent: it may run more than once. */
export const Step = Schema.Union(LandlordMigration, Backup, TenantMigration, Setup, Teardown, Activate)
export type Step = typeof Step.Type

/** Landlord storage is shared by every tenant: a tenant's rollback keeps it. */
export class Retain extends Schema.TaggedClass<Retain>()("Retain", { reason: Schema.String }) {}

/** Compares the tenant's storage with the job's backup and restores the backup if they differ. */
export class RestoreIfChanged extends Schema.TaggedClass<RestoreIfChanged>()("RestoreIfChanged", {}) {}

/** Nothing to undo. */
export class NoUndo extends Schema.TaggedClass<NoUndo>()("NoUndo", {}) {}

/** How a completed step is undone when the saga rolls back. */
export const Undo = Schema.Union(TenantMigration, Teardown, Retain, RestoreIfChanged, NoUndo)
export type Undo = typeof Undo.Type

export class PlannedStep extends Schema.Class<PlannedStep>("PlannedStep")({
  label: Schema.String,
  step: Step,
  undo: Undo
}) {}

/** Installs `target` with the dependencies not yet installed, in dependency order. */
export class InstallPlan extends Schema.TaggedClass<InstallPlan>()("InstallPlan", {
  tenantId: TenantId,
  target: PlannedModule,
  modules: Schema.Array(PlannedModule),
  tablesCreated: Schema.Array(Schema.String),
  steps: Schema.Array(PlannedStep)
}) {}

/** Upgrades an active module to a newer version with its new migrations (and new dependencies). */
export class UpgradePlan extends Schema.TaggedClass<UpgradePlan>()("UpgradePlan", {
  tenantId: TenantId,
  module: ModuleName,
  from: Schema.String,
  to: Schema.String,
  modules: Schema.Array(PlannedModule),
  steps: Schema.Array(PlannedStep)
}) {}

/** The impact of removing a module: its tables dropped (after a backup), nothing else touched. */
export class UninstallPlan extends Schema.TaggedClass<UninstallPlan>()("UninstallPlan", {
  tenantId: TenantId,
  module: ModuleName,
  version: Schema.String,
  tablesDropped: Schema.Array(Schema.String),
  steps: Schema.Array(PlannedStep)
}) {}

export const Plan = Schema.Union(InstallPlan, UpgradePlan, UninstallPlan)
export type Plan = typeof Plan.Type

/** The modules depend on each other in a circle: `path` starts and ends with the same module. */
export class DependencyCycle extends Schema.TaggedClass<DependencyCycle>()("DependencyCycle", {
  path: Schema.Array(Schema.String)
}) {}

/** No published version of `name` satisfies every range asked of it (or the installed one does not). */
export class UnresolvableDependency extends Schema.TaggedClass<UnresolvableDependency>()("UnresolvableDependency", {
  name: Schema.String,
  ranges: Schema.Array(Schema.String)
}) {}

/** The module is installed in the tenant already. */
export class AlreadyInstalled extends Schema.TaggedClass<AlreadyInstalled>()("AlreadyInstalled", {
  name: Schema.String,
  version: Schema.String
}) {}

/** The module is not installed in the tenant. */
export class NotInstalled extends Schema.TaggedClass<NotInstalled>()("NotInstalled", { name: Schema.String }) {}

/** Installed modules depend on it (on the version being left): remove or upgrade them first. */
export class DependentsInstalled extends Schema.TaggedClass<DependentsInstalled>()("DependentsInstalled", {
  name: Schema.String,
  dependents: Schema.Array(Schema.String)
}) {}

/** No published version newer than the installed one satisfies the range. */
export class NoUpgradeAvailable extends Schema.TaggedClass<NoUpgradeAvailable>()("NoUpgradeAvailable", {
  name: Schema.String,
  installed: Schema.String,
  range: Schema.String
}) {}

export type PlanRefusal = DependencyCycle | UnresolvableDependency | AlreadyInstalled | NotInstalled | DependentsInstalled | NoUpgradeAvailable

/** A step as people read it in progress bars and histories. */
export const labelOf: (step: Step) => string = Match.type<Step>().pipe(
  Match.tagsExhaustive({
    LandlordMigration: (s) => `landlord migration ${s.module}@${s.version} ${s.migration}${s.direction === "down" ? " (down)" : ""}`,
    Backup: () => "backup of the tenant's storage",
    TenantMigration: (s) => `tenant migration ${s.module}@${s.version} ${s.migration}${s.direction === "down" ? " (down)" : ""}`,
    Setup: (s) => `setup ${s.module}@${s.version}`,
    Teardown: (s) => `teardown ${s.module}@${s.version}`,
    Activate: (s) =>
      s.remove.length > 0 ? `deactivate ${s.remove.join(", ")}` : `activate ${s.put.map((m) => `${m.name}@${m.version}`).join(", ")}`
  })
)

/** A step with its undo and label. */
export const planned = (step: Step, undo: Undo): PlannedStep => new PlannedStep({ label: labelOf(step), step, undo })
