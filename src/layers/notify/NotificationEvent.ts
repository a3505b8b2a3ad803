import { DateTime, Schema } from "effect"
import { NotificationRecord } from "../../domain/notifications/NotificationIntent.js"

/** The JSON document a channel delivers: the record flattened, with the delivery id for de-duplication. */
export const eventOf = (record: NotificationRecord, deliveryId: string) => {
  const { intent } = Schema.encodeSync(NotificationRecord)(record)
  return {
    deliveryId,
    intentId: record.id,
    occurredAt: DateTime.formatIso(record.occurredAt),
    kind: intent.kind,
    category: intent.category,
    audience: intent.audience,
    ...(intent.tenantId === undefined ? {} : { tenantId: intent.tenantId }),
    data: intent.data
  }
}
