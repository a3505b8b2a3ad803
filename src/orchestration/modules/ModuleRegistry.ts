import { Context, type DateTime, type Effect, type Option } from "effect"
import type { RegisteredModule, RegistryStatus } from "../../domain/modules/Module.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The platform's registry of module versions and their status (Draft, Published, Deprecated). */
export class ModuleRegistry extends Context.Tag("baton/modules/ModuleRegistry")<ModuleRegistry, {
  /** Adds an entry; `false` (nothing written) when name@version is registered already. */
  readonly add: (entry: RegisteredModule) => Effect.Effect<boolean, RepositoryError>
  readonly find: (name: string, version: string) => Effect.Effect<Option.Option<RegisteredModule>, RepositoryError>
  /** Every entry (or those of one module), by name, then by version precedence. */
  readonly list: (name?: string) => Effect.Effect<ReadonlyArray<RegisteredModule>, RepositoryError>
  /** Sets an existing entry's status. */
  readonly setStatus: (name: string, version: string, status: RegistryStatus, at: DateTime.Utc) => Effect.Effect<void, RepositoryError>
}>() {}
