import { Schema } from "effect"
import { Money } from "./Money.js"

/** A stock-keeping unit: the catalogue's id of a product. */
export const Sku = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/), Schema.brand("Sku"))
export type Sku = typeof Sku.Type

/** A line as the client asks for it: a product and how many. Prices come from the catalogue, not the client. */
export class CartLine extends Schema.Class<CartLine>("CartLine")({
  sku: Sku,
  quantity: Schema.Int
}) {}

/**
 * A priced line of the cart: the product's name and unit price from the catalogue, and the
 * quantity asked for. Prices and quantities may be anything here; `validateCheckout` says which
 * are acceptable.
 */
export class CartItem extends Schema.Class<CartItem>("CartItem")({
  sku: Sku,
  name: Schema.String,
  unitPrice: Money,
  quantity: Schema.Int
}) {}
