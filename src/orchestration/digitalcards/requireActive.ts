import { Option } from "effect"
import { ModuleNotActive } from "../../domain/modules/InstallationOutcomes.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Installations } from "../modules/Installations.js"
import { fn } from "../shared/Fn.js"

/** The module DigitalCard's endpoints belong to. */
export const moduleName = "DigitalCard"

/** `Some(ModuleNotActive)` unless DigitalCard is installed and active in the tenant (not while it is being upgraded or removed). */
export const requireActive = fn("DigitalCards.requireActive")(function*(tenantId: TenantId) {
  const installed = yield* (yield* Installations).installed(tenantId)
  return installed.some((m) => m.name === moduleName && m.status === "active") ? Option.none() : Option.some(new ModuleNotActive({ module: moduleName }))
})
