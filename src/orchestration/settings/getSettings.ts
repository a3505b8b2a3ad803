import { type Option } from "effect"
import { catalogue } from "../../domain/settings/Catalogue.js"
import { effectiveSettings } from "../../domain/settings/Setting.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { fn } from "../shared/Fn.js"
import { Settings } from "./Settings.js"

/** Every known setting with its effective value and where it comes from, for the platform or a tenant. */
export const getSettings = fn("Settings.getSettings")(function*(tenant: Option.Option<TenantId>) {
  const settings = yield* Settings
  const stored = yield* settings.stored(tenant)
  return effectiveSettings(catalogue, stored, tenant)
})
