import { Effect, Either, Option } from "effect"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { NotificationIntent, OperationsAudience } from "../../domain/notifications/NotificationIntent.js"
import { catalogue, validateChange } from "../../domain/settings/Catalogue.js"
import { winningEntry } from "../../domain/settings/Setting.js"
import { SettingUpdated } from "../../domain/settings/SettingOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { Transactions } from "../shared/Transactions.js"
import { Settings } from "./Settings.js"

export interface SetSettingInput {
  readonly key: string
  readonly value: unknown
  /** Set the tenant's override rather than the platform-wide value. */
  readonly tenantId?: TenantId | undefined
}

/**
 * Validates a value against its setting's schema and stores it, platform-wide or as a tenant
 * override. Outcomes: `SettingUpdated | UnknownSetting | InvalidSettingValue | SettingNotOverridable`.
 * Every attempt is audited; a change notifies the operators.
 */
export const setSetting = Effect.fn("Settings.setSetting")(function*(actor: Actor, input: SetSettingInput) {
  const auditTrail = yield* AuditTrail
  const tenant = Option.fromNullable(input.tenantId)
  const audit = (outcome: string, details: Omit<ConstructorParameters<typeof AuditIntent>[0], "action" | "actor" | "outcome">) =>
    auditTrail.record(
      new AuditIntent({ action: "settings.set", actor, outcome, target: new AuditTarget({ type: "setting", id: input.key }), ...details })
    )
  const tenantScope = input.tenantId === undefined ? {} : { tenantId: input.tenantId }

  const decision = validateChange(catalogue, input.key, input.value, tenant)
  if (Either.isLeft(decision)) {
    const rejected = decision.left
    yield* audit(rejected._tag, {
      ...tenantScope,
      reason: rejected._tag === "InvalidSettingValue"
        ? rejected.issues.map((issue) => `${issue.path || "value"}: ${issue.message}`).join("; ")
        : rejected._tag
    })
    return rejected
  }

  const { setting, value } = decision.right
  const settings = yield* Settings
  const transactions = yield* Transactions
  const notifications = yield* Notifications
  yield* transactions.withTransaction(Effect.gen(function*() {
    const previous = winningEntry(setting.key, yield* settings.stored(tenant), tenant).pipe(
      Option.filter((entry) => Option.getOrNull(entry.tenantId) === Option.getOrNull(tenant)),
      Option.map((entry) => entry.value),
      Option.getOrNull
    )
    yield* settings.put(setting.key, tenant, value)
    yield* audit("SettingUpdated", { ...tenantScope, details: { previous, value } })
    yield* notifications.emit(
      new NotificationIntent({
        kind: "settings.changed",
        category: "operations",
        audience: new OperationsAudience(),
        ...tenantScope,
        data: { key: setting.key, previous, value }
      })
    )
  }))
  return new SettingUpdated({ key: setting.key, tenantId: tenant, value })
})
