import { Either } from "effect"
import type { ModuleManifest, RegisteredModule } from "./Module.js"
import { DependencyCycle, UnresolvableDependency } from "./Plan.js"
import { highestSatisfying, satisfies } from "./Semver.js"

/** A module installed in a tenant, at a version. */
export interface Installed {
  readonly name: string
  readonly version: string
}

/** The manifest of name@version in the registry (any status). */
export const manifestOf = (registry: ReadonlyArray<RegisteredModule>, name: string, version: string): ModuleManifest | undefined =>
  registry.find((e) => e.manifest.name === name && e.manifest.version === version)?.manifest

const published = (registry: ReadonlyArray<RegisteredModule>, name: string) =>
  registry.filter((e) => e.manifest.name === name && e.status === "Published").map((e) => e.manifest.version)

type Picks = ReadonlyMap<string, string>

/** Every range asked of each module reachable from the root through the current picks (not through installed modules). */
const constraintsOf = (registry: ReadonlyArray<RegisteredModule>, root: string, range: string, picks: Picks, installed: Picks) => {
  const constraints = new Map<string, Array<string>>([[root, [range]]])
  const visited = new Set<string>()
  const visit = (name: string): void => {
    if (visited.has(name) || installed.has(name)) return
    visited.add(name)
    const version = picks.get(name)
    const manifest = version === undefined ? undefined : manifestOf(registry, name, version)
    for (const [dep, depRange] of Object.entries(manifest?.dependencies ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      constraints.set(dep, [...(constraints.get(dep) ?? []), depRange])
      visit(dep)
    }
  }
  visit(root)
  return constraints
}

const samePicks = (a: Picks, b: Picks) => a.size === b.size && [...a].every(([name, version]) => b.get(name) === version)

/**
 * Resolves `root` in `range` with the dependencies it needs that are not installed: each to the
 * highest published version satisfying every range asked of it, iterated to a fixed point (the
 * ranges depend on the versions picked). Installed modules must satisfy the ranges as they are.
 * No backtracking to older versions of a module whose newest pick brings an impossible range.
 */
export const resolve = (
  registry: ReadonlyArray<RegisteredModule>,
  installed: ReadonlyArray<Installed>,
  root: string,
  range: string
): Either.Either<Picks, UnresolvableDependency> => {
  const installedPicks: Picks = new Map(installed.map((m) => [m.name, m.version]))
  let picks: Picks = new Map()
  const limit = registry.length + 2
  for (let round = 0; round < limit; round++) {
    const constraints = constraintsOf(registry, root, range, picks, installedPicks)
    const next = new Map<string, string>()
    for (const [name, ranges] of constraints) {
      const unresolvable = new UnresolvableDependency({ name, ranges: [...new Set(ranges)].sort() })
      const present = installedPicks.get(name)
      if (present !== undefined) {
        if (!ranges.every((r) => satisfies(present, r))) return Either.left(unresolvable)
        continue
      }
      const version = highestSatisfying(published(registry, name), ranges)
      if (version === undefined) return Either.left(unresolvable)
      next.set(name, version)
    }
    if (samePicks(picks, next)) return Either.right(picks)
    picks = next
  }
  return Either.left(new UnresolvableDependency({ name: root, ranges: [range] }))
}

/**
 * The picked modules in dependency order (dependencies first), depth-first from the root in name
 * order; a dependency cycle is reported with its path (`A → B → A`).
 */
export const dependencyOrder = (
  registry: ReadonlyArray<RegisteredModule>,
  picks: Picks,
  root: string
): Either.Either<ReadonlyArray<string>, DependencyCycle> => {
  const order: Array<string> = []
  const done = new Set<string>()
  const stack: Array<string> = []
  const visit = (name: string): DependencyCycle | undefined => {
    if (done.has(name) || !picks.has(name)) return undefined
    const open = stack.indexOf(name)
    if (open >= 0) return new DependencyCycle({ path: [...stack.slice(open), name] })
    stack.push(name)
    const manifest = manifestOf(registry, name, picks.get(name) ?? "")
    for (const dep of Object.keys(manifest?.dependencies ?? {}).sort()) {
      const cycle = visit(dep)
      if (cycle !== undefined) return cycle
    }
    stack.pop()
    done.add(name)
    order.push(name)
    return undefined
  }
  const cycle = visit(root)
  return cycle === undefined ? Either.right(order) : Either.left(cycle)
}
