import { Context, type Effect, type Option } from "effect"
import type { ModuleManifest } from "../../domain/modules/Module.js"

/**
 * The modules the host program declares in code (baton ships Contacts, DigitalCard and Loyalty):
 * only these can be registered, since only their migrations and steps can run.
 */
export class ModuleCatalogue extends Context.Tag("baton/modules/ModuleCatalogue")<ModuleCatalogue, {
  /** Every declared module version, in declaration order. */
  readonly manifests: Effect.Effect<ReadonlyArray<ModuleManifest>>
  /** The declaration of name@version, if the program has one. */
  readonly find: (name: string, version: string) => Effect.Effect<Option.Option<ModuleManifest>>
}>() {}
