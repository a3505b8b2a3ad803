import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { SettingList } from "../../domain/settings/SettingOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { getSettings } from "./getSettings.js"

/**
 * The effective settings for a caller: platform-wide ones for any authenticated caller, a tenant's
 * (with its overrides) for those holding `settings.read` there. `SettingList | Refusal`.
 */
export const readSettings = fn("Settings.readSettings")(function*(actor: Actor, tenant: Option.Option<TenantId>) {
  if (Option.isSome(tenant)) {
    const refused = yield* authorize(actor, "settings.read", AccessScope.tenant(tenant.value))
    if (Option.isSome(refused)) return refused.value
  }
  return new SettingList({ settings: yield* getSettings(tenant) })
})
