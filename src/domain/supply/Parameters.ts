import { Schema } from "effect"
import { define } from "../settings/Setting.js"
import { CurrencyCode } from "./Money.js"

const Fraction = (min: number, max: number) => Schema.Number.pipe(Schema.between(min, max))
const Days = (min: number, max: number) => Schema.Int.pipe(Schema.between(min, max))

/** Planning parameters: tenant-scoped settings with textbook defaults (`npm run cli -- settings set --tenant acme …`). */
export const ServiceLevel = define({
  key: "supply.serviceLevel",
  description: "Cycle service level for safety stock: probability of no stock-out per replenishment cycle.",
  scope: "tenant",
  schema: Fraction(0.5, 0.9999),
  default: 0.95
})
export const OrderingCost = define({
  key: "supply.orderingCost",
  description: "Cost of placing one purchase order, in minor units of the vendor's currency (EOQ's S).",
  scope: "tenant",
  schema: Schema.Int.pipe(Schema.between(0, 100_000_000)),
  default: 5000
})
export const HoldingCostRate = define({
  key: "supply.holdingCostRate",
  description: "Annual holding cost as a fraction of the unit price (EOQ's H = rate × price).",
  scope: "tenant",
  schema: Fraction(0, 5),
  default: 0.25
})
export const SmoothingAlpha = define({
  key: "supply.forecast.alpha",
  description: "Smoothing constant of simple exponential smoothing (smooth and erratic demand).",
  scope: "tenant",
  schema: Fraction(0.01, 1),
  default: 0.2
})
export const IntermittentAlpha = define({
  key: "supply.forecast.intermittentAlpha",
  description: "Smoothing constant of Croston/SBA (intermittent and lumpy demand).",
  scope: "tenant",
  schema: Fraction(0.01, 1),
  default: 0.1
})
export const IntermittentMethod = define({
  key: "supply.forecast.intermittentMethod",
  description: "Croston's method or its Syntetos–Boylan approximation for intermittent and lumpy demand.",
  scope: "tenant",
  schema: Schema.Literal("sba", "croston"),
  default: "sba" as const
})
export const HoldoutDays = define({
  key: "supply.forecast.holdoutDays",
  description: "Days at the end of the history held out to measure forecast error (0: none).",
  scope: "tenant",
  schema: Days(0, 365),
  default: 28
})
export const HistoryDays = define({
  key: "supply.forecast.historyDays",
  description: "Days of demand history forecasts are fitted on.",
  scope: "tenant",
  schema: Days(14, 1096),
  default: 365
})
export const BalancingTolerance = define({
  key: "supply.balancing.tolerance",
  description: "Band around the network's days of cover inside which a warehouse neither gives nor receives.",
  scope: "tenant",
  schema: Fraction(0, 0.95),
  default: 0.25
})
export const TransferLeadTimeDays = define({
  key: "supply.transfer.leadTimeDays",
  description: "Days a transfer between warehouses takes (its expected arrival).",
  scope: "tenant",
  schema: Days(0, 90),
  default: 2
})
export const AtpHorizonDays = define({
  key: "supply.atp.horizonDays",
  description: "Default horizon of available-to-promise, in days.",
  scope: "tenant",
  schema: Days(1, 366),
  default: 30
})
export const ValuationCurrency = define({
  key: "supply.currency",
  description: "Currency of stock valuation for movements loaded without a document (opening balances).",
  scope: "tenant",
  schema: CurrencyCode,
  default: CurrencyCode.make("EUR")
})

export const supplySettings = [
  ServiceLevel,
  OrderingCost,
  HoldingCostRate,
  SmoothingAlpha,
  IntermittentAlpha,
  IntermittentMethod,
  HoldoutDays,
  HistoryDays,
  BalancingTolerance,
  TransferLeadTimeDays,
  AtpHorizonDays,
  ValuationCurrency
]
