import { Option } from "effect"
import type { Setting } from "../../domain/settings/Setting.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { FeatureDisabled } from "../../domain/shared/Outcomes.js"
import { fn } from "../shared/Fn.js"
import { Settings } from "./Settings.js"

/**
 * Checks a feature flag for a scope. `Some(FeatureDisabled)` is the outcome to return when the
 * flag is off: `const off = yield* requireFeature(LoginEnabled); if (Option.isSome(off)) return off.value`.
 */
export const requireFeature = fn("Settings.requireFeature")(function*(
  flag: Setting<boolean, boolean>,
  tenant?: TenantId
) {
  const settings = yield* Settings
  const enabled = yield* settings.get(flag, tenant)
  return enabled ? Option.none() : Option.some(new FeatureDisabled({ feature: flag.key }))
})
