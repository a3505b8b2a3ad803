import { Either } from "effect"
import type { ModuleManifest, RegisteredModule } from "./Module.js"
import { DependencyCycle, UnresolvableDependency } from "./Plan.js"
import { compare, satisfies } from "./Semver.js"

/** A module installed in a tenant, at a version. */
export interface Installed {
  readonly name: string
  readonly version: string
}

/** The manifest of name@version in the registry (any status). */
export const manifestOf = (registry: ReadonlyArray<RegisteredModule>, name: string, version: string): ModuleManifest | undefined =>
  registry.find((e) => e.manifest.name === name && e.manifest.version === version)?.manifest

type Picks = ReadonlyMap<string, string>

/** The modules the picks need, in discovery order (breadth first from the root, dependencies by name), not installed. */
const required = (registry: ReadonlyArray<RegisteredModule>, root: string, picks: Picks, installed: Picks) => {
  const order = [root]
  for (let i = 0; i < order.length; i++) {
    const version = picks.get(order[i]!)
    const deps = version === undefined ? [] : Object.keys(manifestOf(registry, order[i]!, version)?.dependencies ?? {}).sort()
    for (const dep of deps) if (!installed.has(dep) && !order.includes(dep)) order.push(dep)
  }
  return order
}

/** Every range asked of `name` by the picked modules (and the request, for the root). */
const rangesOn = (registry: ReadonlyArray<RegisteredModule>, picks: Picks, name: string, root: string, range: string) => [
  ...(name === root ? [range] : []),
  ...[...picks].flatMap(([picked, version]) => {
    const asked = manifestOf(registry, picked, version)?.dependencies[name]
    return asked === undefined ? [] : [asked]
  })
]

/** Whether `name@version` asks nothing that an installed or picked module's version does not satisfy. */
const fits = (registry: ReadonlyArray<RegisteredModule>, name: string, version: string, picks: Picks, installed: Picks) =>
  Object.entries(manifestOf(registry, name, version)?.dependencies ?? {}).every(([dep, depRange]) => {
    const present = installed.get(dep) ?? picks.get(dep)
    return present === undefined || satisfies(present, depRange)
  })

/** How many partial choices the search may look at before it gives up (module catalogues are small). */
const searchBudget = 100_000

/**
 * Resolves `root` in `range` with the dependencies it needs that are not installed: a depth-first
 * search in discovery order, each module's published versions tried highest first, backtracking on a
 * conflict. The first complete choice found is the one where each module, in that order, has the
 * highest version consistent with the choices before it — no module of it could be raised alone.
 * Installed modules stay as they are and must satisfy what is asked of them. When no choice is
 * consistent, the refusal names the first module the search found no version for, with the ranges
 * asked of it there (the root with its range when every dead end was a conflict between versions).
 */
export const resolve = (
  registry: ReadonlyArray<RegisteredModule>,
  installed: ReadonlyArray<Installed>,
  root: string,
  range: string
): Either.Either<Picks, UnresolvableDependency> => {
  const present: Picks = new Map(installed.map((m) => [m.name, m.version]))
  let budget = searchBudget
  let stuck: UnresolvableDependency | undefined
  const search = (picks: Picks): Picks | undefined => {
    const next = required(registry, root, picks, present).find((name) => !picks.has(name))
    if (next === undefined) return picks
    const ranges = rangesOn(registry, picks, next, root, range)
    const candidates = registry
      .filter((e) => e.manifest.name === next && e.status === "Published")
      .map((e) => e.manifest.version)
      .filter((v) => ranges.every((r) => satisfies(v, r)) && fits(registry, next, v, picks, present))
      .sort((a, b) => compare(b, a))
    for (const version of candidates) {
      if (--budget < 0) return undefined
      const found = search(new Map(picks).set(next, version))
      if (found !== undefined) return found
    }
    if (stuck === undefined && candidates.length === 0) stuck = new UnresolvableDependency({ name: next, ranges: [...new Set(ranges)].sort() })
    return undefined
  }
  const picks = search(new Map())
  return picks !== undefined ? Either.right(picks) : Either.left(stuck ?? new UnresolvableDependency({ name: root, ranges: [range] }))
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
