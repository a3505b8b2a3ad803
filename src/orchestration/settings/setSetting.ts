import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { NotificationIntent, OperationsAudience } from "../../domain/notifications/NotificationIntent.js"
import { catalogue, validateChange } from "../../domain/settings/Catalogue.js"
import { storedAt } from "../../domain/settings/Setting.js"
import { rejectionReason, SettingUpdated } from "../../domain/settings/SettingOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Settings } from "./Settings.js"

export interface SetSettingInput {
  readonly key: string
  readonly value: unknown
  /** Set the tenant's override rather than the platform-wide value. */
  readonly tenantId?: TenantId | undefined
}

/**
 * Validates a value against its setting's schema and stores it, platform-wide (`settings.write`)
 * or as a tenant override (`settings.override` in the tenant). Outcomes: `SettingUpdated |
 * UnknownSetting | InvalidSettingValue | SettingNotOverridable | Refusal`. Every attempt is
 * audited; a change notifies the operators.
 */
export const setSetting = fn("Settings.setSetting")(function*(actor: Actor, input: SetSettingInput) {
  const refused = yield* (input.tenantId === undefined
    ? authorize(actor, "settings.write", AccessScope.platform)
    : authorize(actor, "settings.override", AccessScope.tenant(input.tenantId)))
  if (Option.isSome(refused)) return refused.value
  const auditTrail = yield* AuditTrail
  const tenant = Option.fromNullable(input.tenantId)
  const scope = {
    action: "settings.set",
    actor,
    target: new AuditTarget({ type: "setting", id: input.key }),
    ...(input.tenantId === undefined ? {} : { tenantId: input.tenantId })
  }

  const decision = validateChange(catalogue, input.key, input.value, tenant)
  if (Either.isLeft(decision)) {
    const rejected = decision.left
    yield* auditTrail.record(new AuditIntent({ ...scope, outcome: rejected._tag, reason: rejectionReason(rejected) }))
    return rejected
  }

  const { setting, value } = decision.right
  const settings = yield* Settings
  const transactions = yield* Transactions
  const notifications = yield* Notifications
  yield* transactions.withTransaction(Effect.gen(function*() {
    const previous = Option.getOrNull(storedAt(setting.key, yield* settings.stored(tenant), tenant))
    yield* settings.put(setting.key, tenant, value)
    yield* auditTrail.record(new AuditIntent({ ...scope, outcome: "SettingUpdated", details: { previous, value } }))
    yield* notifications.emit(
      new NotificationIntent({
        kind: "settings.changed",
        category: "operations",
        audience: new OperationsAudience(),
        ...(input.tenantId === undefined ? {} : { tenantId: input.tenantId }),
        data: { key: setting.key, previous, value }
      })
    )
  }))
  return new SettingUpdated({ key: setting.key, tenantId: tenant, value })
})
