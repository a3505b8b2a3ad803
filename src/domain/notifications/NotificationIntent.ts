import { Schema } from "effect"
import { AccountId, IntentId, TenantId } from "../shared/Ids.js"
import { JsonObject } from "../shared/Json.js"

/** The account the notification is for. */
export class AccountAudience extends Schema.TaggedClass<AccountAudience>()("AccountAudience", {
  accountId: AccountId
}) {}

/** The operators of the platform (alerts, incidents, manual interventions). */
export class OperationsAudience extends Schema.TaggedClass<OperationsAudience>()("OperationsAudience", {}) {}

/** A storefront customer of the intent's tenant (order confirmations), by the storefront's customer id. */
export class CustomerAudience extends Schema.TaggedClass<CustomerAudience>()("CustomerAudience", {
  customerId: Schema.NonEmptyTrimmedString
}) {}

/** A vendor of the intent's tenant (dropship purchase orders), by the tenant's vendor code; the tenant's webhook relays it. */
export class VendorAudience extends Schema.TaggedClass<VendorAudience>()("VendorAudience", {
  vendorId: Schema.NonEmptyTrimmedString
}) {}

export const Audience = Schema.Union(AccountAudience, OperationsAudience, CustomerAudience, VendorAudience)
export type Audience = typeof Audience.Type

/**
 * Security notifications (new device, second factor changed, account locked) can never be
 * turned off; the others follow the recipient's preferences.
 */
export const NotificationCategory = Schema.Literal("security", "operations", "info")
export type NotificationCategory = typeof NotificationCategory.Type

/** What an orchestrator asks to be told: a kind (e.g. `settings.changed`), for whom, with data. */
export class NotificationIntent extends Schema.Class<NotificationIntent>("NotificationIntent")({
  kind: Schema.NonEmptyTrimmedString,
  category: NotificationCategory,
  audience: Audience,
  tenantId: Schema.optional(TenantId),
  data: JsonObject
}) {}

/**
 * Keys of `data` whose values are for the recipient only (a dropship's single-use callback token
 * and the URL carrying it): never written to the log, and sealed while they wait in the outbox.
 */
export const SECRET_DATA_KEYS: ReadonlySet<string> = new Set(["callbackToken", "callbackUrl"])

/** A notification intent as recorded: with its id and time. */
export class NotificationRecord extends Schema.TaggedClass<NotificationRecord>()("NotificationRecord", {
  id: IntentId,
  occurredAt: Schema.DateTimeUtc,
  intent: NotificationIntent
}) {}
