import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { ModuleList } from "../../domain/modules/RegistryOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuthorizationResolver } from "../access/AuthorizationResolver.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

/**
 * The registry (or one module's versions). Platform-wide readers see every entry; readers in some
 * tenants see what those tenants may install (Published) or keep (Deprecated). `ModuleList |
 * NotFound` (no version of that module visible), or a refusal.
 */
export const listModules = fn("Modules.listModules")(function*(actor: Actor, name?: string) {
  const reach = yield* (yield* AuthorizationResolver).reach(actor, "modules.read")
  if (reach._tag === "Tenants" && reach.tenants.length === 0) {
    const refused = yield* authorize(actor, "modules.read", AccessScope.platform)
    if (Option.isSome(refused)) return refused.value
  }
  const entries = yield* (yield* ModuleRegistry).list(name)
  const visible = reach._tag === "Everywhere" ? entries : entries.filter((e) => e.status !== "Draft")
  if (name !== undefined && visible.length === 0) return new NotFound({ entity: "module", id: name })
  return new ModuleList({ modules: visible })
})
