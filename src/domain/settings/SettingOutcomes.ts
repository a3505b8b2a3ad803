import { Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { Json } from "../shared/Json.js"
import { Issue } from "../shared/Outcomes.js"

/** The value was stored (platform-wide, or as the tenant's override). */
export class SettingUpdated extends Schema.TaggedClass<SettingUpdated>()("SettingUpdated", {
  key: Schema.String,
  tenantId: Schema.OptionFromNullOr(TenantId),
  value: Json
}) {}

/** No setting of that key exists in the catalogue. */
export class UnknownSetting extends Schema.TaggedClass<UnknownSetting>()("UnknownSetting", {
  key: Schema.String
}) {}

/** The value does not satisfy the setting's schema. */
export class InvalidSettingValue extends Schema.TaggedClass<InvalidSettingValue>()("InvalidSettingValue", {
  key: Schema.String,
  issues: Schema.Array(Issue)
}) {}

/** A tenant override was asked for a platform-only setting. */
export class SettingNotOverridable extends Schema.TaggedClass<SettingNotOverridable>()("SettingNotOverridable", {
  key: Schema.String
}) {}
