import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { planInstall, planUninstall, planUpgrade } from "../../domain/modules/Planner.js"
import { InvalidSemver } from "../../domain/modules/RegistryOutcomes.js"
import { isRange } from "../../domain/modules/Semver.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Installations } from "./Installations.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

/** What the planners read: the registry and the tenant's installed modules. */
const facts = (tenantId: TenantId) =>
  Effect.all({
    registry: Effect.flatMap(ModuleRegistry, (r) => r.list()),
    installed: Effect.flatMap(Installations, (i) => i.installed(tenantId))
  })

/**
 * Dry run of an installation: the plan (modules, steps with their undo, tables created) without
 * changing anything. `InstallPlan | DependencyCycle | UnresolvableDependency | AlreadyInstalled`, or a refusal.
 */
export const installPlan = fn("Modules.installPlan")(function*(actor: Actor, tenantId: TenantId, name: string, range: string) {
  const refused = yield* authorize(actor, "modules.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  if (!isRange(range)) return new InvalidSemver({ field: "version", value: range })
  const { installed, registry } = yield* facts(tenantId)
  return planInstall(registry, installed, { tenantId, name, range }).pipe(Either.merge)
})

/** Dry run of an uninstallation: its impact (tables dropped) or what blocks it. `UninstallPlan | NotInstalled | DependentsInstalled`. */
export const uninstallPlan = fn("Modules.uninstallPlan")(function*(actor: Actor, tenantId: TenantId, name: string) {
  const refused = yield* authorize(actor, "modules.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const { installed, registry } = yield* facts(tenantId)
  return planUninstall(registry, installed, { tenantId, name }).pipe(Either.merge)
})

/** Dry run of an upgrade. `UpgradePlan | NotInstalled | NoUpgradeAvailable | DependentsInstalled | UnresolvableDependency | DependencyCycle`. */
export const upgradePlan = fn("Modules.upgradePlan")(function*(actor: Actor, tenantId: TenantId, name: string, range: string) {
  const refused = yield* authorize(actor, "modules.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  if (!isRange(range)) return new InvalidSemver({ field: "version", value: range })
  const { installed, registry } = yield* facts(tenantId)
  return planUpgrade(registry, installed, { tenantId, name, range }).pipe(Either.merge)
})
