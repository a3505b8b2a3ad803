import { Schema } from "effect"
import { TenantId } from "../shared/Ids.js"
import { CartLine } from "./Cart.js"
import { CustomerId } from "./Customer.js"
import { PaymentMethod } from "./Payment.js"

/**
 * The client's idempotency key of a checkout (its `Idempotency-Key` header): 1 to 255 visible
 * ASCII characters, unique per tenant. The same key always gets the same outcome.
 */
export const CheckoutKey = Schema.String.pipe(Schema.pattern(/^[\x21-\x7e]{1,255}$/), Schema.brand("CheckoutKey"))
export type CheckoutKey = typeof CheckoutKey.Type

/** What the client asks for: who buys, how they pay, and which products in which quantities. */
export class CheckoutRequest extends Schema.Class<CheckoutRequest>("CheckoutRequest")({
  customerId: CustomerId,
  paymentMethod: PaymentMethod,
  lines: Schema.Array(CartLine)
}) {}

/** Whether two requests are the same request (a retry) rather than a new one reusing the key. */
export const sameRequest: (a: CheckoutRequest, b: CheckoutRequest) => boolean = Schema.equivalence(CheckoutRequest)

/**
 * Where a checkout stands. `open` once its key is claimed, `reserved` once its stock is set
 * aside; then one of the ends: `placed`, `rejected` (invalid or out of stock), `declined`,
 * `compensated` (an infrastructure failure, rolled back: stock released, charges refunded), or
 * `manual-intervention` (a refund failed: an operator must settle the payment by hand).
 */
export const CheckoutStatus = Schema.Literal(
  "open",
  "reserved",
  "placed",
  "rejected",
  "declined",
  "compensated",
  "manual-intervention"
)
export type CheckoutStatus = typeof CheckoutStatus.Type

/** The record of one checkout, kept per tenant and key: the request it was first made with, and where it stands. */
export class Checkout extends Schema.Class<Checkout>("Checkout")({
  tenantId: TenantId,
  key: CheckoutKey,
  request: CheckoutRequest,
  status: CheckoutStatus,
  /** Why it ended as it did (the outcome's tag, or the failure needing an operator). */
  note: Schema.optional(Schema.String),
  createdAt: Schema.DateTimeUtc,
  updatedAt: Schema.DateTimeUtc
}) {}

/** The status after asking for `requested`: a checkout awaiting manual intervention stays so until an operator settles it. */
export const nextStatus = (current: CheckoutStatus, requested: CheckoutStatus): CheckoutStatus =>
  current === "manual-intervention" ? current : requested
