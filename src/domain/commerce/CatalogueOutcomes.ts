import { Schema } from "effect"
import { Customer } from "./Customer.js"
import { StockItem } from "./Stock.js"

/** The product's catalogue entry and units on hand are stored as given. */
export class StockUpdated extends Schema.TaggedClass<StockUpdated>()("StockUpdated", {
  item: StockItem
}) {}

/** The customer is stored as given. */
export class CustomerUpdated extends Schema.TaggedClass<CustomerUpdated>()("CustomerUpdated", {
  customer: Customer
}) {}
