import { Context, Layer } from "effect"
import { shipped } from "./catalogue/ShippedModules.js"
import type { ModuleDefinition } from "./ModuleDefinition.js"

/**
 * The module definitions of the program: baton's shipped catalogue unless the host provides its
 * own (`ModuleDefinitions.layer([...])`, its modules and baton's it wants).
 */
export class ModuleDefinitions extends Context.Reference<ModuleDefinitions>()("baton/layers/modules/ModuleDefinitions", {
  defaultValue: (): ReadonlyArray<ModuleDefinition> => shipped
}) {}

export const layer = (definitions: ReadonlyArray<ModuleDefinition>): Layer.Layer<ModuleDefinitions> =>
  Layer.succeed(ModuleDefinitions, definitions)
