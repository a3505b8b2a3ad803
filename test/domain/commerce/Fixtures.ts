import { CartItem, CartLine, Sku } from "../../../src/domain/commerce/Cart.js"
import { Customer, CustomerId, type CustomerTier } from "../../../src/domain/commerce/Customer.js"
import { CurrencyCode, Money } from "../../../src/domain/commerce/Money.js"
import { StockLevel } from "../../../src/domain/commerce/Stock.js"

export const EUR = CurrencyCode.make("EUR")
export const USD = CurrencyCode.make("USD")

export const eur = (amount: number) => new Money({ amount, currency: EUR })

export const customer = (tier: CustomerTier = "standard", verified = true) =>
  new Customer({ id: CustomerId.make(`c-${tier}`), tier, verified })

export const item = (sku: string, amount: number, quantity: number, currency = EUR) =>
  new CartItem({ sku: Sku.make(sku), name: `Product ${sku}`, unitPrice: new Money({ amount, currency }), quantity })

export const line = (sku: string, quantity: number) => new CartLine({ sku: Sku.make(sku), quantity })

export const level = (sku: string, amount: number, available: number, currency = EUR) =>
  new StockLevel({ sku: Sku.make(sku), name: `Product ${sku}`, unitPrice: new Money({ amount, currency }), onHand: available, available })

export const limits = { maxLines: 10, premiumAbove: 100_000 }
