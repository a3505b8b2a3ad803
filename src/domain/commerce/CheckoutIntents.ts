import { AuditIntent, AuditTarget } from "../audit/AuditIntent.js"
import { CustomerAudience, NotificationIntent, OperationsAudience } from "../notifications/NotificationIntent.js"
import type { Actor } from "../shared/Actor.js"
import type { TenantId } from "../shared/Ids.js"
import type { JsonObject } from "../shared/Json.js"
import type { CheckoutKey } from "./Checkout.js"
import type { CheckoutOutcome } from "./CheckoutOutcomes.js"
import type { Order } from "./Order.js"

/** Which checkout an intent is about. */
export interface CheckoutRef {
  readonly tenantId: TenantId
  readonly key: CheckoutKey
  readonly actor: Actor
}

/** An audit intent about a checkout (action `commerce.checkout`), with the outcome's tag. */
export const checkoutAudit = (
  ref: CheckoutRef,
  outcome: string,
  options: { readonly reason?: string; readonly details?: JsonObject } = {}
): AuditIntent =>
  new AuditIntent({
    action: "commerce.checkout",
    actor: ref.actor,
    outcome,
    target: new AuditTarget({ type: "checkout", id: ref.key }),
    tenantId: ref.tenantId,
    ...options
  })

/** Why a checkout ended without an order, in words for the audit trail. */
export const outcomeReason = (outcome: Exclude<CheckoutOutcome, { readonly _tag: "OrderPlaced" }>): string =>
  outcome._tag === "CheckoutRejected"
    ? outcome.violations.map((violation) => violation._tag).join(", ")
    : outcome._tag === "InsufficientStock"
    ? `short of ${outcome.skus.join(", ")}`
    : `declined: ${outcome.reason}`

/** The order confirmation to the customer; its `confirmation` (standard or premium) picks the template. */
export const orderConfirmation = (order: Order): NotificationIntent =>
  new NotificationIntent({
    kind: "commerce.order.confirmation",
    category: "info",
    audience: new CustomerAudience({ customerId: order.customerId }),
    tenantId: order.tenantId,
    data: {
      orderId: order.id,
      confirmation: order.confirmation,
      total: { amount: order.total.amount, currency: order.total.currency },
      lines: order.lines.length
    }
  })

/** An alert to the operators about a checkout (rolled back, or needing manual intervention). */
export const checkoutAlert = (kind: "commerce.checkout.compensated" | "commerce.checkout.manualIntervention", ref: CheckoutRef, data: JsonObject) =>
  new NotificationIntent({
    kind,
    category: "operations",
    audience: new OperationsAudience(),
    tenantId: ref.tenantId,
    data: { checkout: ref.key, ...data }
  })
