import { Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { Json } from "../shared/Json.js"
import { Issue } from "../shared/Outcomes.js"
import { EffectiveSetting } from "./Setting.js"

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

/** The precise reason of a refused change, for the audit trail. */
export const rejectionReason = (rejected: UnknownSetting | InvalidSettingValue | SettingNotOverridable): string =>
  rejected._tag === "InvalidSettingValue"
    ? rejected.issues.map((issue) => `${issue.path || "value"}: ${issue.message}`).join("; ")
    : rejected._tag === "UnknownSetting"
    ? `no setting named ${rejected.key}`
    : `${rejected.key} is platform-wide: it has no tenant overrides`

/** Every known setting with its effective value in the scope asked for. */
export class SettingList extends Schema.TaggedClass<SettingList>()("SettingList", {
  settings: Schema.Array(EffectiveSetting)
}) {}
