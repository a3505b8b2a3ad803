import { Schema } from "effect"
import { Money } from "./Money.js"
import { Sku, VendorId, WarehouseId } from "./Ids.js"

/** A whole, non-negative quantity in an item's unit of measure. */
export const Quantity = Schema.Int.pipe(Schema.nonNegative())
/** A whole, positive quantity. */
export const PositiveQuantity = Schema.Int.pipe(Schema.positive())

/**
 * A stocked item. Quantities are whole numbers of its unit of measure (stock an item by the
 * gram rather than by the kilogram when fractions matter), so that ledgers sum exactly.
 * `packSize`: purchase quantities are multiples of it; `transferLotSize`: transfers between
 * warehouses are multiples of it. Weight and volume per unit feed landed-cost allocation.
 */
export class Item extends Schema.Class<Item>("Item")({
  sku: Sku,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  unitOfMeasure: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(16)),
  packSize: PositiveQuantity,
  transferLotSize: PositiveQuantity,
  returnable: Schema.Boolean,
  unitWeightGrams: Quantity,
  unitVolumeCm3: Quantity
}) {}

export class Warehouse extends Schema.Class<Warehouse>("Warehouse")({
  id: WarehouseId,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200))
}) {}

/**
 * A vendor. `leadTimeDays` is its usual lead time from order to receipt; `leadTimeStdDevDays`
 * its variability (0 when deliveries are punctual). `dropships`: it can ship to customers directly.
 */
export class Vendor extends Schema.Class<Vendor>("Vendor")({
  id: VendorId,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  leadTimeDays: Quantity,
  leadTimeStdDevDays: Schema.Number.pipe(Schema.nonNegative(), Schema.finite()),
  dropships: Schema.Boolean
}) {}

/**
 * What a vendor sells an item for and on which terms (Odoo's vendor pricelist, ERPNext's item
 * supplier): unit price, minimum order quantity, an optional lead time of its own, and a
 * priority (the lowest number is the preferred source).
 */
export class SupplyTerms extends Schema.Class<SupplyTerms>("SupplyTerms")({
  vendorId: VendorId,
  sku: Sku,
  unitPrice: Money,
  minimumOrderQuantity: Quantity,
  leadTimeDays: Schema.optional(Quantity),
  priority: Schema.Int.pipe(Schema.nonNegative())
}) {}

/** The preferred terms for an item: lowest priority, then vendor id (deterministic). */
export const preferredTerms = (terms: ReadonlyArray<SupplyTerms>): SupplyTerms | undefined =>
  [...terms].sort((a, b) => a.priority - b.priority || (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0))[0]

/** The lead time of terms: their own, else the vendor's. */
export const leadTimeOf = (terms: SupplyTerms, vendor: Vendor): number => terms.leadTimeDays ?? vendor.leadTimeDays
