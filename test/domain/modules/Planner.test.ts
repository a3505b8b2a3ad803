import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck as fc, Option } from "effect"
import type { RegisteredModule } from "../../../src/domain/modules/Module.js"
import type { InstallPlan, PlanRefusal } from "../../../src/domain/modules/Plan.js"
import { type Installed, planInstall, planUninstall, planUpgrade } from "../../../src/domain/modules/Planner.js"
import { manifestOf } from "../../../src/domain/modules/Resolution.js"
import { compare, satisfies } from "../../../src/domain/modules/Semver.js"
import { anyConsistent, consistent, entry, hasCycle, manifest, ranges, registries, tenantId } from "./PlannerSupport.js"

const installedFrom = (registry: ReadonlyArray<RegisteredModule>, names: ReadonlyArray<string>): ReadonlyArray<Installed> =>
  names.flatMap((name) => {
    const found = registry.find((e) => e.manifest.name === name && e.status === "Published")
    return found === undefined ? [] : [{ name, version: found.manifest.version }]
  })

const assertSound = (registry: ReadonlyArray<RegisteredModule>, installed: ReadonlyArray<Installed>, name: string, range: string, plan: InstallPlan) => {
  const order = plan.modules.map((m) => m.name as string)
  assert.strictEqual(new Set(order).size, order.length, "each module once")
  assert.strictEqual(plan.target.name, name)
  assert.strictEqual(order[order.length - 1], name, "the target last")
  assert.isTrue(satisfies(plan.target.version, range))
  const asked = new Map<string, Array<string>>([[name, [range]]])
  plan.modules.forEach((m, index) => {
    assert.isFalse(installed.some((i) => i.name === m.name), `${m.name} is not installed already`)
    const registered = registry.find((e) => e.manifest.name === m.name && e.manifest.version === m.version)
    assert.strictEqual(registered?.status, "Published", `${m.name}@${m.version} is published`)
    for (const [dep, depRange] of Object.entries(manifestOf(registry, m.name, m.version)?.dependencies ?? {})) {
      asked.set(dep, [...(asked.get(dep) ?? []), depRange])
      const present = installed.find((i) => i.name === dep)
      const planned = plan.modules.findIndex((p) => p.name === dep)
      if (present !== undefined) assert.isTrue(satisfies(present.version, depRange), `installed ${dep} satisfies ${depRange}`)
      else {
        assert.isTrue(planned >= 0 && planned < index, `${dep} is planned before ${m.name}`)
        assert.isTrue(satisfies(plan.modules[planned]!.version, depRange), `${dep} satisfies ${depRange}`)
      }
    }
  })
  for (const m of plan.modules) {
    const higher = registry.filter((e) => e.manifest.name === m.name && e.status === "Published" && compare(e.manifest.version, m.version) > 0)
    for (const raised of higher) {
      const picks = new Map(plan.modules.map((p) => [p.name as string, p.version]))
      picks.set(m.name, raised.manifest.version)
      assert.isFalse(consistent(registry, installed, name, range, picks), `${m.name} could have been ${raised.manifest.version}`)
    }
  }
  const kinds: ReadonlyArray<string> = plan.steps.map((s) => s.step._tag)
  const last = (tag: string) => kinds.lastIndexOf(tag)
  const first = (tag: string) => kinds.indexOf(tag)
  assert.isTrue(last("LandlordMigration") < first("Backup") && first("Backup") === last("Backup"))
  assert.isTrue(first("TenantMigration") === -1 || first("TenantMigration") > first("Backup"))
  assert.isTrue(first("Setup") === -1 || first("Setup") > last("TenantMigration"))
  assert.strictEqual(kinds[kinds.length - 1], "Activate")
  const migrated = plan.steps.flatMap((s) => (s.step._tag === "TenantMigration" ? [s.step.module as string] : []))
  assert.deepStrictEqual([...new Set(migrated)], order, "tenant migrations in dependency order")
  plan.steps.forEach((s) => {
    if (s.step._tag === "TenantMigration") assert.deepStrictEqual(s.undo, { ...s.step, direction: "down" })
  })
}

describe("planInstall", () => {
  it("every plan respects dependency order and every range, no module of it could be raised alone, and a refusal means no choice of versions works", () =>
    fc.assert(
      fc.property(registries, fc.constantFrom(...ranges), fc.nat(), fc.array(fc.nat(), { maxLength: 3 }), ({ names, registry }, range, pick, installedPicks) => {
        const name = names[pick % names.length]!
        const installed = installedFrom(registry, installedPicks.map((i) => names[i % names.length]!).filter((n) => n !== name))
        const result = planInstall(registry, installed, { tenantId, name, range })
        if (Either.isRight(result)) return assertSound(registry, installed, name, range, result.right)
        const refusal: PlanRefusal = result.left
        if (refusal._tag === "UnresolvableDependency") assert.isFalse(anyConsistent(registry, installed, name, range), JSON.stringify(refusal))
        if (refusal._tag === "DependencyCycle") assert.strictEqual(refusal.path[0], refusal.path[refusal.path.length - 1])
      }),
      { numRuns: 400 }
    ))

  it("a dependency cycle is always reported, with a path along real dependencies", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.array(fc.nat({ max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }), fc.nat({ max: n - 1 }))
        ),
        ([n, edges, root]) => {
          const registry = Array.from({ length: n }, (_, i) =>
            entry(manifest(`M${i}`, "1.0.0", Object.fromEntries(edges[i]!.filter((d) => d !== i || edges[i]!.length > 0).map((d) => [`M${d}`, "*"])))))
          const result = planInstall(registry, [], { tenantId, name: `M${root}`, range: "*" })
          const cyclic = hasCycle(registry, `M${root}`)
          assert.strictEqual(Either.isLeft(result) && result.left._tag === "DependencyCycle", cyclic)
          if (Either.isLeft(result) && result.left._tag === "DependencyCycle") {
            const path = result.left.path
            path.slice(1).forEach((to, i) => assert.property(manifestOf(registry, path[i]!, "1.0.0")?.dependencies ?? {}, to))
          }
          if (!cyclic) assert.isTrue(Either.isRight(result))
        }
      ),
      { numRuns: 400 }
    ))

  it("refuses an installed module, and names the dependency no published version satisfies", () => {
    const registry = [entry(manifest("A", "1.0.0", { B: "^2.0.0" })), entry(manifest("B", "1.0.0", {}))]
    assert.deepStrictEqual(Either.getLeft(planInstall(registry, [{ name: "A", version: "1.0.0" }], { tenantId, name: "A", range: "*" })).pipe(Option.map((l) => l._tag)), Option.some("AlreadyInstalled"))
    const refused = planInstall(registry, [], { tenantId, name: "A", range: "*" })
    assert.deepStrictEqual<unknown>(Either.getLeft(refused).pipe(Option.map((l) => ({ ...l }))), Option.some({ _tag: "UnresolvableDependency", name: "B", ranges: ["^2.0.0"] }))
  })
})

describe("planUninstall and planUpgrade", () => {
  const registry = [
    entry(manifest("Contacts", "1.0.0", {})),
    entry(manifest("Card", "1.0.0", { Contacts: "^1.0.0" }, ["c1", "c2"])),
    entry(manifest("Card", "1.1.0", { Contacts: "^1.0.0" }, ["c1", "c2", "c3"])),
    entry(manifest("Card", "2.0.0", { Contacts: "^1.0.0" }, ["c1", "c2", "c3", "c4"])),
    entry(manifest("Points", "1.0.0", { Card: "^1.0.0" }))
  ]
  const installed = [{ name: "Contacts", version: "1.0.0" }, { name: "Card", version: "1.0.0" }, { name: "Points", version: "1.0.0" }]

  it("an uninstall is blocked by installed dependents; otherwise its impact lists the tables dropped and every step restores the backup", () => {
    assert.deepStrictEqual<unknown>(Either.getLeft(planUninstall(registry, installed, { tenantId, name: "Card" })).pipe(Option.map((l) => ({ ...l }))), Option.some({ _tag: "DependentsInstalled", name: "Card", dependents: ["Points"] }))
    const plan = Either.getOrThrow(planUninstall(registry, installed.slice(0, 2), { tenantId, name: "Card" }))
    assert.deepStrictEqual(plan.tablesDropped, ["c2_t", "c1_t"])
    assert.deepStrictEqual(plan.steps.map((s) => s.label), [
      "backup of the tenant's storage",
      "teardown Card@1.0.0",
      "tenant migration Card@1.0.0 c2 (down)",
      "tenant migration Card@1.0.0 c1 (down)",
      "deactivate Card"
    ])
    assert.isTrue(plan.steps.slice(0, -1).every((s) => s.undo._tag === "RestoreIfChanged"))
  })

  it("an upgrade runs only the new migrations, and is refused when an installed dependent's range excludes the new version", () => {
    const plan = Either.getOrThrow(planUpgrade(registry, installed, { tenantId, name: "Card", range: "^1.0.0" }))
    assert.deepStrictEqual([plan.from, plan.to], ["1.0.0", "1.1.0"])
    assert.deepStrictEqual(plan.steps.map((s) => s.label), ["backup of the tenant's storage", "tenant migration Card@1.1.0 c3", "activate Card@1.1.0"])
    assert.deepStrictEqual(Either.getLeft(planUpgrade(registry, installed, { tenantId, name: "Card", range: "^2.0.0" })).pipe(Option.map((l) => l._tag)), Option.some("DependentsInstalled"))
    assert.deepStrictEqual(Either.getLeft(planUpgrade(registry, installed, { tenantId, name: "Contacts", range: "*" })).pipe(Option.map((l) => l._tag)), Option.some("NoUpgradeAvailable"))
  })
})
