import { DateTime, FastCheck as fc, Option } from "effect"
import { MigrationRef, ModuleManifest, ModuleName, RegisteredModule } from "../../../src/domain/modules/Module.js"
import type { Installed } from "../../../src/domain/modules/Planner.js"
import { satisfies } from "../../../src/domain/modules/Semver.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"

/** Registries for the planner's tests, and brute-force answers to check its plans against. */

export const at = DateTime.unsafeMake(0)
export const tenantId = TenantId.make("acme")

export const manifest = (name: string, version: string, dependencies: Record<string, string>, migrations = [`${name}-${version}`]) =>
  new ModuleManifest({
    name: ModuleName.make(name),
    version,
    title: name,
    dependencies,
    entitlement: Option.none(),
    landlordMigrations: [new MigrationRef({ id: `${name}-landlord`, tables: [] })],
    tenantMigrations: migrations.map((id) => new MigrationRef({ id, tables: [`${id}_t`] })),
    setup: true,
    teardown: false
  })

export const entry = (m: ModuleManifest, status: "Draft" | "Published" | "Deprecated" = "Published") =>
  new RegisteredModule({ manifest: m, status, registeredAt: at, changedAt: at })

export const versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0"] as const
export const ranges = ["^1.0.0", "^1.1.0", "~1.0.0", ">=1.2.0", "*", "^2.0.0", "1.0.0 - 1.1.0"] as const

/** A random registry: up to 7 modules, each with some versions, each version depending on others in random ranges. */
export const registries = fc.integer({ min: 1, max: 6 }).chain((size) => {
  const names = Array.from({ length: size }, (_, i) => `M${i}`)
  const version = fc.record({
    dependencies: fc.dictionary(fc.constantFrom(...names), fc.constantFrom(...ranges), { maxKeys: 3 }),
    status: fc.constantFrom("Published", "Published", "Published", "Draft", "Deprecated")
  })
  return fc.tuple(
    ...names.map((name) =>
      fc.subarray([...versions], { minLength: 1 }).chain((vs) =>
        fc.tuple(...vs.map((v) => version.map(({ dependencies, status }) => {
          const { [name]: _self, ...others } = dependencies
          return entry(manifest(name, v, others), status as "Published")
        }))))
    )
  ).map((groups) => ({ names, registry: groups.flat() }))
})

/** Whether these picks (with the installed modules) make a complete, consistent installation of `root` in `range`. */
export const consistent = (registry: ReadonlyArray<RegisteredModule>, installed: ReadonlyArray<Installed>, root: string, range: string, picks: ReadonlyMap<string, string>) => {
  const at = (n: string) => installed.find((i) => i.name === n)?.version ?? picks.get(n)
  const rootVersion = picks.get(root)
  if (rootVersion === undefined || !satisfies(rootVersion, range)) return false
  return [...picks].every(([n, v]) => {
    const entry = registry.find((e) => e.manifest.name === n && e.manifest.version === v)
    return entry?.status === "Published" &&
      Object.entries(entry.manifest.dependencies).every(([dep, r]) => at(dep) !== undefined && satisfies(at(dep)!, r))
  })
}

/** Brute force: whether any choice of published versions (or absence) of the modules reachable from `root` is consistent. */
export const anyConsistent = (registry: ReadonlyArray<RegisteredModule>, installed: ReadonlyArray<Installed>, root: string, range: string) => {
  const reachable = [root]
  for (let i = 0; i < reachable.length; i++) {
    for (const e of registry.filter((e) => e.manifest.name === reachable[i])) {
      for (const dep of Object.keys(e.manifest.dependencies)) if (!reachable.includes(dep) && !installed.some((m) => m.name === dep)) reachable.push(dep)
    }
  }
  const options = reachable.map((n) => [undefined, ...registry.filter((e) => e.manifest.name === n && e.status === "Published").map((e) => e.manifest.version)])
  const choose = (i: number, picks: Map<string, string>): boolean => {
    if (i === reachable.length) return consistent(registry, installed, root, range, picks)
    return options[i]!.some((v) => {
      const next = new Map(picks)
      if (v !== undefined) next.set(reachable[i]!, v)
      return choose(i + 1, next)
    })
  }
  return choose(0, new Map())
}

/** Whether the dependency graph reachable from `root` through the published (single) versions has a cycle. */
export const hasCycle = (registry: ReadonlyArray<RegisteredModule>, root: string) => {
  const state = new Map<string, "open" | "done">()
  const visit = (name: string): boolean => {
    if (state.get(name) === "done") return false
    if (state.get(name) === "open") return true
    state.set(name, "open")
    const m = registry.find((e) => e.manifest.name === name)?.manifest
    const cyclic = Object.keys(m?.dependencies ?? {}).some(visit)
    state.set(name, "done")
    return cyclic
  }
  return visit(root)
}

