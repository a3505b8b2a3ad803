import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import type { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { DateTime, Effect, Either, Layer, Logger, LogLevel, Option, Schedule } from "effect"
import { defaultPolicy } from "../src/domain/fulfilment/Escalation.js"
import { openDropship } from "../src/domain/fulfilment/Opening.js"
import { ShipmentConfirmation } from "../src/domain/fulfilment/DropshipOutcomes.js"
import { Tenant } from "../src/domain/identity/Tenant.js"
import { SystemActor } from "../src/domain/shared/Actor.js"
import { TenantId } from "../src/domain/shared/Ids.js"
import { Address, SalesOrder, SalesOrderLine } from "../src/domain/supply/Documents.js"
import { CustomerId, SalesOrderId, Sku, VendorId } from "../src/domain/supply/Ids.js"
import { SupplyTerms, Vendor } from "../src/domain/supply/MasterData.js"
import { CurrencyCode, Money } from "../src/domain/supply/Money.js"
import { Day } from "../src/domain/supply/Calendar.js"
import type * as SqlPorts from "../src/layers/sql/SqlPorts.js"
import { sqlPortsOn } from "./support/SqlStack.js"
import * as WorkflowEngines from "../src/layers/workflow/WorkflowEngines.js"
import { confirmDropship } from "../src/orchestration/fulfilment/confirmDropship.js"
import * as DropshipSaga from "../src/orchestration/fulfilment/dropshipSaga.js"
import { Dropships } from "../src/orchestration/fulfilment/Dropships.js"
import { invoiceDropship } from "../src/orchestration/fulfilment/invoiceDropship.js"
import { placePurchaseOrder } from "../src/orchestration/fulfilment/placePurchaseOrder.js"
import { recordDropshipShipments } from "../src/orchestration/fulfilment/recordDropshipShipments.js"
import { startDropship } from "../src/orchestration/fulfilment/startDropship.js"
import { Tenants } from "../src/orchestration/identity/Tenants.js"
import { Procurement } from "../src/orchestration/supply/Procurement.js"
import { Sales } from "../src/orchestration/supply/Sales.js"
import type { Benchmark, Figure, Row } from "./support/Benchmark.js"
import { ownCpuSeconds } from "./support/Cpu.js"

const tenantId = TenantId.make("bench")
const system = new SystemActor({ component: "bench" })
const eur = CurrencyCode.make("EUR")
const concurrency = 50
const address = new Address({ name: "Ada Lovelace", line1: "1 Analytical Way", city: "London", postalCode: "N1 9GU", country: "GB" })
const orderId = (i: number) => SalesOrderId.make(`S-${i}`)
const refOf = (i: number) => ({ tenantId, salesOrderId: orderId(i), lineNo: 1 })

/** `count` open sales orders with one dropship line each (2 bikes from vendor VEL, which dropships). */
const arrange = (count: number) =>
  Effect.gen(function*() {
    yield* (yield* Tenants).create(new Tenant({ id: tenantId, name: "Bench", status: "active", createdAt: yield* DateTime.now }))
    const procurement = yield* Procurement
    yield* procurement.putVendors(tenantId, [new Vendor({ id: VendorId.make("VEL"), name: "Velo", leadTimeDays: 3, leadTimeStdDevDays: 0, dropships: true })])
    yield* procurement.putTerms(tenantId, [
      new SupplyTerms({ vendorId: VendorId.make("VEL"), sku: Sku.make("BIKE"), unitPrice: new Money({ amount: 60_000, currency: eur }), minimumOrderQuantity: 0, priority: 1 })
    ])
    const orders = Array.from({ length: count }, (_, i) =>
      new SalesOrder({
        id: orderId(i),
        customerId: CustomerId.make(`C-${i}`),
        customerName: "Ada Lovelace",
        shipTo: address,
        status: "open",
        currency: eur,
        orderedOn: Day.make("2025-03-01"),
        lines: [new SalesOrderLine({ lineNo: 1, sku: Sku.make("BIKE"), quantity: 2, unitPrice: 99_000, promisedOn: Day.make("2025-03-10"), dropship: true, vendorId: VendorId.make("VEL") })],
        shipments: []
      }))
    for (let i = 0; i < orders.length; i += 200) yield* (yield* Sales).putSalesOrders(tenantId, orders.slice(i, i + 200))
  })

/** The vendor's inbox: the callback tokens of the purchase-order notifications written so far, by purchase order. */
const inbox = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ intent: string }>`SELECT intent FROM baton_outbox WHERE destination = 'log'`
  const tokens = new Map<string, string>()
  for (const { intent } of rows) {
    const { data, kind } = (JSON.parse(intent) as { intent: { kind: string; data: Record<string, unknown> } }).intent
    if (kind === "supply.dropship.purchaseOrder") tokens.set(String(data["purchaseOrderId"]), String(data["callbackToken"]))
  }
  return tokens
}).pipe(Effect.orDie)

const confirmation = new ShipmentConfirmation({ carrier: "DHL", trackingNumber: "JD0001", quantity: 2 })

const confirmAll = (count: number) =>
  Effect.gen(function*() {
    const tokens = yield* inbox
    yield* Effect.forEach(Array.from({ length: count }, (_, i) => i), (i) =>
      Effect.flatMap(confirmDropship(tokens.get(`DS-S-${i}-1`) ?? "", confirmation), (o) =>
        o._tag === "ShipmentRecorded" ? Effect.void : Effect.dieMessage(`S-${i}: ${o._tag}`)), { concurrency, discard: true })
  })

/** Waits until `count` dropships are in `state` (a count, not the records: waiting must not load the machine). */
const inState = (state: "AwaitingVendor" | "Fulfilled", count: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM baton_dropships WHERE state = ${state}`).pipe(
    Effect.repeat({ schedule: Schedule.spaced("20 millis"), until: (rows) => Number(rows[0]?.n ?? 0) >= count }),
    Effect.orDie
  )

/** Durable: start every workflow, confirm each once its purchase order went out, until all are closed. */
const durable = (count: number) =>
  Effect.gen(function*() {
    yield* Effect.forEach(Array.from({ length: count }, (_, i) => i), (i) =>
      startDropship(system, tenantId, orderId(i), 1), { concurrency, discard: true })
    yield* inState("AwaitingVendor", count)
    yield* confirmAll(count)
    yield* inState("Fulfilled", count)
  })

/** Per dropship, the wall time of each step of the baseline (record, place, confirm, record shipment, invoice), per round. */
const phases: Array<ReadonlyArray<number>> = []

/** The same steps one after the other, without the durable engine (signals go to an in-memory engine where nothing waits). */
const direct = (count: number) =>
  Effect.gen(function*() {
    const all = Array.from({ length: count }, (_, i) => i)
    const t0 = performance.now()
    yield* Effect.forEach(all, beginRecord, { concurrency, discard: true })
    const t1 = performance.now()
    yield* Effect.forEach(all, (i) => placePurchaseOrder(refOf(i)), { concurrency, discard: true })
    const t2 = performance.now()
    yield* confirmAll(count)
    const t3 = performance.now()
    yield* Effect.forEach(all, (i) => recordDropshipShipments(refOf(i)), { concurrency, discard: true })
    const t4 = performance.now()
    yield* Effect.forEach(all, (i) => invoiceDropship(refOf(i)), { concurrency, discard: true })
    phases.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3, performance.now() - t4].map((ms) => ms / count))
    yield* inState("Fulfilled", count)
  })

/** What `beginDropship` does before it starts the workflow: read the order, the vendor and the terms, open and store the record. */
const beginRecord = (i: number) =>
  Effect.gen(function*() {
    const order = Option.getOrThrow(yield* (yield* Sales).salesOrder(tenantId, orderId(i)))
    const procurement = yield* Procurement
    const opened = openDropship({
      tenantId,
      order,
      lineNo: 1,
      vendor: Option.fromNullable((yield* procurement.vendors(tenantId, [VendorId.make("VEL")]))[0]),
      terms: yield* procurement.terms(tenantId, [Sku.make("BIKE")]),
      policy: defaultPolicy,
      now: yield* DateTime.now
    })
    yield* (yield* Dropships).create(Either.getOrThrow(opened))
  })

const layerFor = (engine: Layer.Layer<WorkflowEngine, unknown, SqlClient.SqlClient>, file: string, registered: boolean) =>
  (registered ? DropshipSaga.layer : Layer.empty).pipe(
    Layer.provideMerge(engine),
    Layer.provideMerge(sqlPortsOn(file))
  )

interface Measured {
  readonly seconds: number
  readonly cpuSeconds: number
}

type Services = SqlPorts.Ports | WorkflowEngine | SqlClient.SqlClient
type Flow = (count: number) => Effect.Effect<void, unknown, Services>

const measure = (flow: Flow, count: number) => {
  const started = performance.now()
  const own = ownCpuSeconds()
  return Effect.map(flow(count), (): Measured => ({ seconds: (performance.now() - started) / 1000, cpuSeconds: ownCpuSeconds() - own }))
}

const runOn = (label: string, engine: Layer.Layer<WorkflowEngine, unknown, SqlClient.SqlClient>, registered: boolean, flow: Flow, count: number) => {
  const dir = mkdtempSync(join(tmpdir(), `baton-bench-${label}-`))
  return Effect.runPromise(
    Effect.zipRight(arrange(count), Effect.suspend(() => measure(flow, count))).pipe(
      Effect.provide(layerFor(engine, join(dir, "baton.db"), registered)),
      Logger.withMinimumLogLevel(LogLevel.Warning),
      Effect.withTracerEnabled(false),
      Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
    )
  )
}

const row = (flow: string, count: number, m: Measured): Row => ({
  flow,
  dropships: count,
  "time to all closed": `${m.seconds.toFixed(2)} s`,
  "dropships/s": count / m.seconds,
  "CPU ms/dropship": (m.cpuSeconds * 1000) / count
})

export const benchmark: Benchmark = {
  name: "fulfilment",
  title: "1,000 dropship workflows started and confirmed, time to all closed, on SQLite, against the same steps without the engine",
  run: async ({ quick }) => {
    const count = quick ? 200 : 1000
    const rounds = 1
    const durables: Array<Measured> = []
    const directs: Array<Measured> = []
    for (let round = 0; round < rounds; round++) {
      directs.push(await runOn("direct", WorkflowEngines.layerMemory, false, direct, count))
      durables.push(await runOn("durable", WorkflowEngines.layerSql(), true, durable, count))
    }
    const best = (all: ReadonlyArray<Measured>) => all.reduce((a, b) => (b.seconds < a.seconds ? b : a))
    const [d, floor] = [best(durables), best(directs)]
    const figures: ReadonlyArray<Figure> = [
      { name: `${count} dropships, time to all closed`, unit: "s", value: d.seconds, baselineName: "the same steps without the engine", baseline: floor.seconds }
    ]
    return {
      notes: [
        `${count} sales orders with one dropship line each on a fresh SQLite file (WAL, synchronous = NORMAL), ${concurrency} in flight, ${rounds} round(s), baseline first; tracer off`,
        "durable: start every workflow (authorize, record, engine) → each places its PO, issues the token and notifies the vendor → the vendor's callbacks (token from the outbox) confirm all → each workflow records the shipment, invoices and closes",
        "baseline: the same orchestrators and activities called directly over the same ports (record, place, confirm, record shipment, invoice); no durable engine",
        `baseline wall ms per dropship by step (record, place, confirm, record shipment, invoice): ${(phases.at(-1) ?? []).map((ms) => ms.toFixed(1)).join(", ")}`
      ],
      rows: [row("the steps alone, no engine", count, floor), row("durable engine, SQLite", count, d)],
      figures
    }
  }
}
