import { Schema } from "effect"
import { isRange, isVersion } from "./Semver.js"

/** A module's name: a letter, then letters, digits or dashes (`DigitalCard`, `loyalty-points`). */
export const ModuleName = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z][A-Za-z0-9-]{0,62}$/, { message: () => "must be a letter followed by up to 62 letters, digits or dashes" }),
  Schema.brand("ModuleName")
)
export type ModuleName = typeof ModuleName.Type

/** A strict semantic version (`1.2.3`, `2.0.0-rc.1`). */
export const ModuleVersion = Schema.String.pipe(
  Schema.filter(isVersion, {
    message: () => "must be a semantic version such as 1.2.3",
    arbitrary: () => (fc) => fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((parts) => parts.join("."))
  }),
  Schema.brand("ModuleVersion")
)
export type ModuleVersion = typeof ModuleVersion.Type

/** A range of versions (`^1.2.0`, `>=1 <3`, `1.x`, `*`). */
export const VersionRange = Schema.String.pipe(
  Schema.maxLength(100),
  Schema.filter(isRange, {
    message: () => "must be a semver range such as ^1.2.0",
    arbitrary: () => (fc) => fc.constantFrom("*", "^1.0.0", "~1.1.0", ">=1.0.0 <3.0.0", "1.x")
  }),
  Schema.brand("VersionRange")
)
export type VersionRange = typeof VersionRange.Type

/** A migration of a module: an id unique within the module, ordered by the declaration. */
export class MigrationRef extends Schema.Class<MigrationRef>("MigrationRef")({
  id: Schema.NonEmptyTrimmedString,
  /** The tables it creates (in the tenant's storage for tenant migrations), for the uninstall impact. */
  tables: Schema.Array(Schema.String)
}) {}

/**
 * What a module declares, as data: its identity, its dependencies (`name → range`), the
 * entitlement a tenant needs to install it, its landlord migrations (run once per platform) and
 * tenant migrations (run in each tenant's storage), and whether it has setup and teardown steps.
 * The code behind the migrations and steps lives with the host program's declaration.
 */
export class ModuleManifest extends Schema.Class<ModuleManifest>("ModuleManifest")({
  name: ModuleName,
  version: Schema.String,
  title: Schema.NonEmptyTrimmedString,
  dependencies: Schema.Record({ key: Schema.String, value: Schema.String }),
  entitlement: Schema.OptionFromNullOr(Schema.NonEmptyTrimmedString),
  landlordMigrations: Schema.Array(MigrationRef),
  tenantMigrations: Schema.Array(MigrationRef),
  setup: Schema.Boolean,
  teardown: Schema.Boolean
}) {}

/** Draft (registered, not installable), Published (installable), Deprecated (kept, never chosen again). */
export const RegistryStatus = Schema.Literal("Draft", "Published", "Deprecated")
export type RegistryStatus = typeof RegistryStatus.Type

/** A module version in the platform's registry. */
export class RegisteredModule extends Schema.Class<RegisteredModule>("RegisteredModule")({
  manifest: ModuleManifest,
  status: RegistryStatus,
  registeredAt: Schema.DateTimeUtc,
  changedAt: Schema.DateTimeUtc
}) {}

/** `name@version`. */
export const moduleRef = (name: string, version: string): string => `${name}@${version}`
