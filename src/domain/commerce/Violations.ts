import { Schema } from "effect"
import { Sku } from "./Cart.js"
import { CustomerId } from "./Customer.js"
import { CurrencyCode } from "./Money.js"

/** The cart has no line. */
export class EmptyCart extends Schema.TaggedClass<EmptyCart>()("EmptyCart", {}) {}

/** The cart has more lines than the tenant allows (`commerce.checkout.maxLines`). */
export class TooManyLines extends Schema.TaggedClass<TooManyLines>()("TooManyLines", {
  lines: Schema.Int,
  max: Schema.Int
}) {}

/** The same product appears on two lines. */
export class DuplicateSku extends Schema.TaggedClass<DuplicateSku>()("DuplicateSku", { sku: Sku }) {}

/** The customer has not been verified by the storefront. */
export class CustomerNotVerified extends Schema.TaggedClass<CustomerNotVerified>()("CustomerNotVerified", {
  customerId: CustomerId
}) {}

/** No customer of that id in the tenant. */
export class UnknownCustomer extends Schema.TaggedClass<UnknownCustomer>()("UnknownCustomer", {
  customerId: CustomerId
}) {}

/** No product of that SKU in the tenant's catalogue. */
export class UnknownProduct extends Schema.TaggedClass<UnknownProduct>()("UnknownProduct", { sku: Sku }) {}

/** A line's unit price is zero or negative. */
export class NonPositivePrice extends Schema.TaggedClass<NonPositivePrice>()("NonPositivePrice", { sku: Sku }) {}

/** A line's quantity is zero or negative. */
export class NonPositiveQuantity extends Schema.TaggedClass<NonPositiveQuantity>()("NonPositiveQuantity", { sku: Sku }) {}

/** The lines are priced in more than one currency. */
export class MixedCurrencies extends Schema.TaggedClass<MixedCurrencies>()("MixedCurrencies", {
  currencies: Schema.Array(CurrencyCode)
}) {}

/** The total would exceed the largest exactly representable amount. */
export class AmountTooLarge extends Schema.TaggedClass<AmountTooLarge>()("AmountTooLarge", {}) {}

/** One reason a checkout cannot proceed, told to the client in `CheckoutRejected`. */
export const Violation = Schema.Union(
  EmptyCart,
  TooManyLines,
  DuplicateSku,
  CustomerNotVerified,
  UnknownCustomer,
  UnknownProduct,
  NonPositivePrice,
  NonPositiveQuantity,
  MixedCurrencies,
  AmountTooLarge
)
export type Violation = typeof Violation.Type
