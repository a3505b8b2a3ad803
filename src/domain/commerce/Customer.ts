import { Schema } from "effect"

/** A customer's id within its tenant (the storefront's own id for the customer). */
export const CustomerId = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(128), Schema.brand("CustomerId"))
export type CustomerId = typeof CustomerId.Type

/** Premium customers get a premium confirmation, may backorder and have a declined charge retried once. */
export const CustomerTier = Schema.Literal("standard", "premium")
export type CustomerTier = typeof CustomerTier.Type

/** A storefront customer, as checkout sees it. Only verified customers may check out. */
export class Customer extends Schema.Class<Customer>("Customer")({
  id: CustomerId,
  tier: CustomerTier,
  verified: Schema.Boolean
}) {}
