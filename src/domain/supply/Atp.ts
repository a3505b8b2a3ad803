import { Schema } from "effect"
import { Day, daysBetween, fromEpochDay, toEpochDay } from "./Calendar.js"
import { Sku, WarehouseId } from "./Ids.js"

/** A dated quantity: a scheduled receipt (purchase order line, inbound transfer) or a commitment. */
export class Dated extends Schema.Class<Dated>("Dated")({
  on: Day,
  quantity: Schema.Int,
  source: Schema.String
}) {}

/**
 * One daily bucket. `net` = supply − demand in the bucket (on-hand and everything overdue count
 * in the first); `atp` is `net` after backward netting (a later bucket's shortfall consumes
 * earlier ATP, so only the first bucket may be negative: an over-commitment); `cumulativeAtp`
 * is the running sum of `atp`, what can still be promised for that day without breaking any
 * later commitment; `projectedOnHand` the running sum of `net`.
 */
export const AtpBucket = Schema.Struct({
  date: Day,
  scheduledReceipts: Schema.Int,
  committedDemand: Schema.Int,
  net: Schema.Int,
  atp: Schema.Int,
  cumulativeAtp: Schema.Int,
  projectedOnHand: Schema.Int
})
export type AtpBucket = typeof AtpBucket.Type

/** What was counted and what came out: the inputs of the calculation and every bucket. */
export class AtpProfile extends Schema.TaggedClass<AtpProfile>()("AtpProfile", {
  sku: Sku,
  warehouseId: WarehouseId,
  today: Day,
  horizonDays: Schema.Int,
  onHand: Schema.Int,
  receipts: Schema.Array(Dated),
  demands: Schema.Array(Dated),
  /** Receipts and commitments dated after the horizon: not shown as buckets, but netted. */
  beyondHorizon: Schema.Struct({ receipts: Schema.Int, demand: Schema.Int }),
  buckets: Schema.Array(AtpBucket)
}) {}

export interface AtpInput {
  readonly sku: Sku
  readonly warehouseId: WarehouseId
  readonly today: Day
  readonly horizonDays: number
  /** Usable on-hand: physical stock less what is reserved for outbound transfers. */
  readonly onHand: number
  readonly receipts: ReadonlyArray<Dated>
  readonly demands: ReadonlyArray<Dated>
}

/**
 * Time-phased available-to-promise over `horizonDays` daily buckets from `today`, with backward
 * netting (APICS "cumulative ATP with look-ahead"). Overdue receipts and commitments are put in
 * the first bucket; those beyond the horizon are netted in a last, hidden bucket so a promise
 * can never consume stock that a later commitment needs.
 */
export const availableToPromise = (input: AtpInput): AtpProfile => {
  const n = Math.max(1, input.horizonDays)
  const start = toEpochDay(input.today)
  const receipts = new Array<number>(n).fill(0)
  const demand = new Array<number>(n).fill(0)
  let beyondReceipts = 0
  let beyondDemand = 0
  for (const r of input.receipts) {
    const i = Math.max(0, toEpochDay(r.on) - start)
    if (i < n) receipts[i] = (receipts[i] ?? 0) + r.quantity
    else beyondReceipts += r.quantity
  }
  for (const d of input.demands) {
    const i = Math.max(0, toEpochDay(d.on) - start)
    if (i < n) demand[i] = (demand[i] ?? 0) + d.quantity
    else beyondDemand += d.quantity
  }
  const net = receipts.map((r, i) => (i === 0 ? input.onHand : 0) + r - (demand[i] ?? 0))
  const atp = new Array<number>(n).fill(0)
  let carry = Math.min(0, beyondReceipts - beyondDemand)
  for (let i = n - 1; i >= 0; i--) {
    const value = (net[i] ?? 0) + carry
    if (i > 0 && value < 0) carry = value
    else {
      atp[i] = value
      carry = 0
    }
  }
  let cumulative = 0
  let projected = 0
  const buckets = net.map((value, i): AtpBucket => {
    cumulative += atp[i] ?? 0
    projected += value
    return {
      date: fromEpochDay(start + i),
      scheduledReceipts: receipts[i] ?? 0,
      committedDemand: demand[i] ?? 0,
      net: value,
      atp: atp[i] ?? 0,
      cumulativeAtp: cumulative,
      projectedOnHand: projected
    }
  })
  return new AtpProfile({
    sku: input.sku,
    warehouseId: input.warehouseId,
    today: input.today,
    horizonDays: n,
    onHand: input.onHand,
    receipts: input.receipts,
    demands: input.demands,
    beyondHorizon: { receipts: beyondReceipts, demand: beyondDemand },
    buckets
  }, true)
}

/** The quantity can be shipped on `date`: the wanted day if possible, else the earliest later one. */
export class Promisable extends Schema.TaggedClass<Promisable>()("Promisable", {
  quantity: Schema.Int,
  wantedOn: Day,
  date: Day,
  /** Cumulative ATP on `date`, before this promise. */
  availableOnDate: Schema.Int,
  profile: AtpProfile
}) {}

/** Not within the horizon: `available` is the most that can be promised by its last day. */
export class CannotPromise extends Schema.TaggedClass<CannotPromise>()("CannotPromise", {
  quantity: Schema.Int,
  wantedOn: Day,
  available: Schema.Int,
  horizonEnd: Day,
  profile: AtpProfile
}) {}

/**
 * Promises `quantity` on the earliest day from `wantedOn` (or today, if earlier) whose cumulative
 * ATP covers it. Cumulative ATP never decreases after netting, so a later day never has less.
 */
export const promise = (profile: AtpProfile, quantity: number, wantedOn: Day): Promisable | CannotPromise => {
  const from = Math.max(0, daysBetween(profile.today, wantedOn))
  const buckets = profile.buckets
  for (let i = from; i < buckets.length; i++) {
    const bucket = buckets[i]
    if (bucket !== undefined && bucket.cumulativeAtp >= quantity) {
      return new Promisable({ quantity, wantedOn, date: bucket.date, availableOnDate: bucket.cumulativeAtp, profile }, true)
    }
  }
  const last = buckets[buckets.length - 1]
  return new CannotPromise({
    quantity,
    wantedOn,
    available: Math.max(0, last?.cumulativeAtp ?? 0),
    horizonEnd: last?.date ?? profile.today,
    profile
  }, true)
}
