import { availableToPromise, promise } from "../src/domain/supply/Atp.js"
import { addDays, toEpochDay } from "../src/domain/supply/Calendar.js"
import { capitalise } from "../src/domain/supply/Capitalisation.js"
import { Sku, VendorId } from "../src/domain/supply/Ids.js"
import { validateCostDocuments } from "../src/domain/supply/LandedCost.js"
import { Money } from "../src/domain/supply/Money.js"
import { planReplenishment } from "../src/domain/supply/Replenishment.js"
import { AMS, atpItems, eur, histories, landedCostCase, today } from "./fixtures/SupplyWorkloads.js"
import { landedCostEndToEnd } from "./fixtures/SupplyEndToEnd.js"
import type { Benchmark, Figure, Row } from "./support/Benchmark.js"
import { waitForQuiet } from "./support/Cpu.js"

/** The best and the median wall time of `runs` runs, in milliseconds. */
const time = async (runs: number, work: () => unknown | Promise<unknown>) => {
  const samples: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return { best: samples[0] ?? Number.NaN, median: samples[Math.floor(samples.length / 2)] ?? Number.NaN }
}

const ITEMS = 10_000
const HORIZON = 90
const DAYS = 730
const LINES = 1_000
const parameters = { alpha: 0.2, intermittentAlpha: 0.1, intermittentMethod: "sba" as const, holdoutDays: 28, serviceLevel: 0.95, orderingCost: 5000, holdingCostRate: 0.25 }

/** ATP with objects, netting and explanations, against typed arrays summed into buckets with a running total. */
const atpWorkload = (items: ReturnType<typeof atpItems>) => () => {
  for (const item of items) {
    const profile = availableToPromise({ sku: item.sku, warehouseId: AMS, today, horizonDays: HORIZON, onHand: item.onHand, receipts: item.receipts, demands: item.demands })
    promise(profile, 25, addDays(today, 5))
  }
}
const atpBaseline = (items: ReturnType<typeof atpItems>) => () => {
  const start = toEpochDay(today)
  const buckets = new Int32Array(HORIZON)
  for (const item of items) {
    buckets.fill(0)
    buckets[0] = item.onHand
    for (const r of item.receipts) buckets[Math.min(HORIZON - 1, Math.max(0, toEpochDay(r.on) - start))]! += r.quantity
    for (const d of item.demands) buckets[Math.min(HORIZON - 1, Math.max(0, toEpochDay(d.on) - start))]! -= d.quantity
    for (let i = 1; i < HORIZON; i++) buckets[i]! += buckets[i - 1]!
  }
}

/** Classification, hold-out error, SES/Croston-SBA, safety stock, reorder point and EOQ per item, against one pass computing mean and variance. */
const forecastWorkload = (series: ReadonlyArray<Float64Array>) => () => {
  series.forEach((history, i) => {
    const { order } = planReplenishment({
      sku: Sku.make(`SKU-${i}`), warehouseId: AMS, today, history, packSize: 6, vendorId: VendorId.make("ACME"),
      unitPrice: new Money({ amount: 1000 + (i % 500), currency: eur }, true), minimumOrderQuantity: 24, leadTimeDays: 7 + (i % 14), leadTimeStdDevDays: 1.5,
      position: { onHand: i % 300, onOrder: 0, inboundTransfers: 0, committed: i % 17 }
    }, parameters)
    return order
  })
}
const forecastBaseline = (series: ReadonlyArray<Float64Array>) => () => {
  let checksum = 0
  for (const history of series) {
    let sum = 0
    let squares = 0
    for (let t = 0; t < history.length; t++) {
      const y = history[t]!
      sum += y
      squares += y * y
    }
    checksum += squares / history.length - (sum / history.length) ** 2
  }
  return checksum
}

/** Exact largest-remainder allocation of 5 documents over the lines, split to inventory and COGS, against floating-point proportional shares. */
const landedWorkload = (c: ReturnType<typeof landedCostCase>) => () => {
  validateCostDocuments(c.receipt, c.documents)
  capitalise({ receipt: c.receipt, documents: c.documents, valuations: c.valuations, inboundAfter: new Map(), on: today })
}
const landedBaseline = (c: ReturnType<typeof landedCostCase>) => () => {
  let total = 0
  for (const d of c.documents) {
    const weights = c.receipt.lines.map((l) => (d.basis === "value" ? l.quantity * l.unitCost : d.basis === "weight" ? l.weightGrams : d.basis === "volume" ? l.volumeCm3 : l.quantity))
    const sum = weights.reduce((a, b) => a + b, 0)
    for (const w of weights) total += Math.floor((d.amount.amount * w) / sum)
  }
  return total
}

export const benchmark: Benchmark = {
  name: "supply",
  title: "Supply planning: ATP, forecasting and suggestions, landed-cost allocation",
  run: async ({ quick }) => {
    const runs = quick ? 3 : 7
    const items = atpItems(ITEMS)
    const series = histories(ITEMS, DAYS)
    const landed = landedCostCase(LINES)
    await waitForQuiet()
    const cases = [
      { name: `ATP, ${ITEMS.toLocaleString("en-US")} items × ${HORIZON} days (+ one promise each)`, work: atpWorkload(items), baseline: atpBaseline(items), baselineName: "typed-array bucket sums" },
      { name: `forecast + suggestion, ${ITEMS.toLocaleString("en-US")} items × ${DAYS} days`, work: forecastWorkload(series), baseline: forecastBaseline(series), baselineName: "one pass: mean and variance" },
      { name: `landed costs, ${LINES.toLocaleString("en-US")} lines × 5 documents`, work: landedWorkload(landed), baseline: landedBaseline(landed), baselineName: "floating-point shares" }
    ]
    const rows: Array<Row> = []
    const figures: Array<Figure> = []
    for (const c of cases) {
      c.work()
      c.baseline()
      const subject = await time(runs, c.work)
      const baseline = await time(runs, c.baseline)
      rows.push({ workload: c.name, "best ms": subject.best, "median ms": subject.median, "baseline best ms": baseline.best, "under 1 s": subject.median < 1000 ? "yes" : "NO" })
      figures.push({ name: c.name, unit: "ms", value: subject.best, baselineName: c.baselineName, baseline: baseline.best })
    }
    const e2e = await landedCostEndToEnd(LINES, runs)
    rows.push({ workload: `landed costs end to end on SQLite (orchestrator, ${LINES} lines × 5 documents)`, "best ms": e2e.capitalise.best, "median ms": e2e.capitalise.median, "baseline best ms": e2e.post.best, "under 1 s": e2e.capitalise.median < 1000 ? "yes" : "NO" })
    figures.push({ name: "landed costs end to end on SQLite", unit: "ms", value: e2e.capitalise.best, baselineName: "posting the same receipt", baseline: e2e.post.best })
    return {
      notes: [
        `each workload runs ${runs} times after one warm-up; best and median wall time; baselines run on the same data in the same process`,
        "pure calculations of src/domain/supply; the end-to-end row runs capitaliseLandedCosts through the SQL adapters on a SQLite file (WAL),",
        "  its baseline is postReceipt of the same 1,000-line receipt (stock in, valuations, journal) in the same database"
      ],
      rows,
      figures
    }
  }
}
