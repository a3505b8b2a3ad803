import { Effect, Layer, Option } from "effect"
import { RegisteredModule } from "../../domain/modules/Module.js"
import { ModuleRegistry } from "../../orchestration/modules/ModuleRegistry.js"
import { registryOrder } from "../sql/SqlModuleRegistry.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

type Rows = ReadonlyMap<string, RegisteredModule>

const keyOf = (name: string, version: string) => `${name}@${version}`

export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table<Rows>("moduleRegistry", new Map())
  return ModuleRegistry.of({
    add: (entry) =>
      rows.modify((all) => {
        const key = keyOf(entry.manifest.name, entry.manifest.version)
        return all.has(key) ? [false, all] as const : [true, new Map(all).set(key, entry)] as const
      }),
    find: (name, version) => Effect.map(rows.get, (all) => Option.fromNullable(all.get(keyOf(name, version)))),
    list: (name) =>
      Effect.map(rows.get, (all) => [...all.values()].filter((e) => name === undefined || e.manifest.name === name).sort(registryOrder)),
    setStatus: (name, version, status, changedAt) =>
      rows.update((all) => {
        const entry = all.get(keyOf(name, version))
        return entry === undefined ? all : new Map(all).set(keyOf(name, version), new RegisteredModule({ ...entry, status, changedAt }))
      })
  })
})

export const layer: Layer.Layer<ModuleRegistry, never, MemoryDatabase> = Layer.effect(ModuleRegistry, make)
