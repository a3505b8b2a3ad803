import { Effect, Layer, Option } from "effect"
import { ModuleCatalogue } from "../../orchestration/modules/ModuleCatalogue.js"
import { find } from "./ModuleDefinition.js"
import { ModuleDefinitions } from "./ModuleDefinitions.js"

/** The catalogue port over the module definitions the program declares. */
export const make = Effect.map(ModuleDefinitions, (definitions) =>
  ModuleCatalogue.of({
    manifests: Effect.succeed(definitions.map((d) => d.manifest)),
    find: (name, version) => Effect.succeed(Option.map(find(definitions, name, version), (d) => d.manifest))
  }))

export const layer: Layer.Layer<ModuleCatalogue> = Layer.effect(ModuleCatalogue, make)
