import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { Sku } from "../../domain/commerce/Cart.js"
import { CustomerUpdated, StockUpdated } from "../../domain/commerce/CatalogueOutcomes.js"
import { Checkout, CheckoutKey } from "../../domain/commerce/Checkout.js"
import {
  CheckoutRejected,
  IdempotencyKeyReused,
  InsufficientStock,
  OrderPlaced,
  PaymentDeclined
} from "../../domain/commerce/CheckoutOutcomes.js"
import { CustomerId, CustomerTier } from "../../domain/commerce/Customer.js"
import { UnitPrice } from "../../domain/commerce/Money.js"
import { Order, OrderId } from "../../domain/commerce/Order.js"
import { PaymentMethod } from "../../domain/commerce/Payment.js"
import { StockLevel } from "../../domain/commerce/Stock.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"
import { TenantPath } from "./TenantsApi.js"

/** The saga failed on infrastructure and was rolled back; final for the key (a new attempt needs a new key). */
export class CheckoutFailedResponse extends Schema.TaggedError<CheckoutFailedResponse>()(
  "CheckoutFailed",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 500 })
) {}

/** `POST /tenants/{id}/checkout`: the cart (priced from the catalogue, never by the client). */
export const CheckoutPayload = allIssues(Schema.Struct({
  customerId: CustomerId,
  paymentMethod: PaymentMethod,
  lines: Schema.Array(Schema.Struct({ sku: Sku, quantity: Schema.Int.pipe(Schema.between(-10_000, 10_000)) })).pipe(Schema.maxItems(100))
}))

const CheckoutHeaders = allIssues(Schema.Struct({ "idempotency-key": CheckoutKey }))

const StockPayload = allIssues(Schema.Struct({
  name: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(200)),
  unitPrice: UnitPrice,
  onHand: Schema.Int.pipe(Schema.between(0, 1_000_000_000))
}))

const at = <const F extends Schema.Struct.Fields>(fields: F) => allIssues(Schema.Struct({ id: TenantId, ...fields }))

/** A tenant's storefront: checkout, orders and checkouts, catalogue and stock, customers. */
export class CommerceApi extends HttpApiGroup.make("commerce")
  .add(
    withRefusals(
      HttpApiEndpoint.post("checkout", "/tenants/:id/checkout").setPath(TenantPath).setHeaders(CheckoutHeaders).setPayload(CheckoutPayload)
    )
      .addSuccess(OrderPlaced, { status: 201 })
      .addSuccess(PaymentDeclined, { status: 402 })
      .addSuccess(InsufficientStock, { status: 409 })
      .addSuccess(CheckoutRejected, { status: 422 })
      .addSuccess(IdempotencyKeyReused, { status: 422 })
      .addError(CheckoutFailedResponse)
      .annotate(OpenApi.Summary, "Check out a cart, exactly once per Idempotency-Key (the same key answers the same outcome)")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("order", "/tenants/:id/orders/:orderId").setPath(at({ orderId: OrderId })))
      .addSuccess(Order)
      .annotate(OpenApi.Summary, "An order")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("checkoutStatus", "/tenants/:id/checkouts/:key").setPath(at({ key: CheckoutKey })))
      .addSuccess(Checkout)
      .annotate(OpenApi.Summary, "Where the checkout of an Idempotency-Key stands (manual intervention included)")
  )
  .add(
    withRefusals(HttpApiEndpoint.put("putStock", "/tenants/:id/inventory/:sku").setPath(at({ sku: Sku })).setPayload(StockPayload))
      .addSuccess(StockUpdated)
      .annotate(OpenApi.Summary, "Set a product's catalogue entry (name, unit price) and units on hand")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("stock", "/tenants/:id/inventory/:sku").setPath(at({ sku: Sku })))
      .addSuccess(StockLevel)
      .annotate(OpenApi.Summary, "A product's catalogue entry with its units on hand and available now")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.put("putCustomer", "/tenants/:id/customers/:customerId")
        .setPath(at({ customerId: CustomerId }))
        .setPayload(allIssues(Schema.Struct({ tier: CustomerTier, verified: Schema.Boolean })))
    )
      .addSuccess(CustomerUpdated)
      .annotate(OpenApi.Summary, "Register or update a storefront customer")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Commerce")
{}
