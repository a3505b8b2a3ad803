import type * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import { type Effect, Option } from "effect"
import { MigrationRef, ModuleManifest, ModuleName } from "../../domain/modules/Module.js"

/** A tenant's storage as a module's code sees it. */
export interface TenantDb {
  readonly sql: SqlClient.SqlClient
  /** A table of this tenant, qualified for where the tenant's storage is: name every table through it. */
  readonly table: (name: string) => Statement.Identifier
}

/** Module code against a tenant's storage, run inside one of its transactions. */
export type TenantWork = (db: TenantDb) => Effect.Effect<void, unknown>

/** Module code against the platform's storage, run inside one of its transactions. */
export type LandlordWork = Effect.Effect<void, unknown, SqlClient.SqlClient>

export interface TenantMigrationSpec {
  readonly id: string
  /** The tables it creates (shown in the uninstall impact). */
  readonly tables: ReadonlyArray<string>
  readonly up: TenantWork
  readonly down: TenantWork
}

export interface LandlordMigrationSpec {
  readonly id: string
  readonly up: LandlordWork
  readonly down: LandlordWork
}

/** A module version as the host program declares it: its manifest and its code. */
export interface ModuleDefinition {
  readonly manifest: ModuleManifest
  readonly landlordMigrations: ReadonlyArray<LandlordMigrationSpec>
  readonly tenantMigrations: ReadonlyArray<TenantMigrationSpec>
  readonly setup: Option.Option<TenantWork>
  readonly teardown: Option.Option<TenantWork>
}

/**
 * Declares a module version in code. Migrations are listed in the order they run (an upgrade runs
 * the ids the previous version did not have); `down` undoes `up`. Setup runs after the tenant
 * migrations of every module being installed, teardown before the tables are dropped.
 */
export const defineModule = (spec: {
  readonly name: string
  readonly version: string
  readonly title: string
  readonly dependencies?: Readonly<Record<string, string>>
  readonly entitlement?: string
  readonly landlordMigrations?: ReadonlyArray<LandlordMigrationSpec>
  readonly tenantMigrations?: ReadonlyArray<TenantMigrationSpec>
  readonly setup?: TenantWork
  readonly teardown?: TenantWork
}): ModuleDefinition => ({
  manifest: new ModuleManifest({
    name: ModuleName.make(spec.name),
    version: spec.version,
    title: spec.title,
    dependencies: { ...spec.dependencies },
    entitlement: Option.fromNullable(spec.entitlement),
    landlordMigrations: (spec.landlordMigrations ?? []).map((m) => new MigrationRef({ id: m.id, tables: [] })),
    tenantMigrations: (spec.tenantMigrations ?? []).map((m) => new MigrationRef({ id: m.id, tables: m.tables })),
    setup: spec.setup !== undefined,
    teardown: spec.teardown !== undefined
  }),
  landlordMigrations: spec.landlordMigrations ?? [],
  tenantMigrations: spec.tenantMigrations ?? [],
  setup: Option.fromNullable(spec.setup),
  teardown: Option.fromNullable(spec.teardown)
})

/** The definition of name@version. */
export const find = (definitions: ReadonlyArray<ModuleDefinition>, name: string, version: string) =>
  Option.fromNullable(definitions.find((d) => d.manifest.name === name && d.manifest.version === version))
