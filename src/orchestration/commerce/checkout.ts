import { DateTime, Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { Checkout, type CheckoutKey, type CheckoutRequest, sameRequest } from "../../domain/commerce/Checkout.js"
import { checkoutAudit } from "../../domain/commerce/CheckoutIntents.js"
import { IdempotencyKeyReused } from "../../domain/commerce/CheckoutOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { CheckoutFailed } from "./CheckoutFailed.js"
import { CheckoutWorkflow } from "./CheckoutWorkflow.js"
import { Orders } from "./Orders.js"

/**
 * Checks out a cart for the caller (`commerce.checkout` in the tenant), exactly once per
 * idempotency key: the first request opens the checkout's record and runs the durable saga;
 * a retry of the same request, concurrent or later, joins it or gets its stored outcome;
 * another request under a used key is refused with `IdempotencyKeyReused`. Outcomes:
 * `OrderPlaced | CheckoutRejected | InsufficientStock | PaymentDeclined | IdempotencyKeyReused`
 * or a refusal. `CheckoutFailed` when the saga failed on infrastructure (and was rolled back).
 */
export const checkout = fn("Commerce.checkout")(function*(
  actor: Actor,
  tenantId: TenantId,
  key: CheckoutKey,
  request: CheckoutRequest
) {
  const refused = yield* authorize(actor, "commerce.checkout", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const now = yield* DateTime.now
  const opened = yield* (yield* Orders).openCheckout(new Checkout({ tenantId, key, request, status: "open", createdAt: now, updatedAt: now }))
  if (!sameRequest(opened.request, request)) {
    yield* (yield* AuditTrail).record(checkoutAudit({ tenantId, key, actor }, "IdempotencyKeyReused", { reason: "the key was first used for another request" }))
    return new IdempotencyKeyReused({ key })
  }
  return yield* CheckoutWorkflow.execute({ tenantId, key, actor, request }).pipe(
    Effect.mapError((failure) => new CheckoutFailed({ key, reason: failure.message }))
  )
})
