import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Activity from "@effect/workflow/Activity"
import * as Workflow from "@effect/workflow/Workflow"
import type { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { DateTime, Effect, Layer, Logger, LogLevel, Schema } from "effect"
import { CartLine, Sku } from "../src/domain/commerce/Cart.js"
import { Checkout, CheckoutKey, CheckoutRequest } from "../src/domain/commerce/Checkout.js"
import { Customer, CustomerId } from "../src/domain/commerce/Customer.js"
import { CurrencyCode, Money } from "../src/domain/commerce/Money.js"
import { PaymentMethod } from "../src/domain/commerce/Payment.js"
import { StockItem } from "../src/domain/commerce/Stock.js"
import { Tenant } from "../src/domain/identity/Tenant.js"
import { SystemActor } from "../src/domain/shared/Actor.js"
import { TenantId } from "../src/domain/shared/Ids.js"
import * as SandboxPaymentGateway from "../src/layers/payment/SandboxPaymentGateway.js"
import * as Database from "../src/layers/sql/Database.js"
import { sqlPortsOn } from "./support/SqlStack.js"
import * as WorkflowEngines from "../src/layers/workflow/WorkflowEngines.js"
import { chargePayment } from "../src/orchestration/commerce/chargePayment.js"
import { checkout } from "../src/orchestration/commerce/checkout.js"
import * as CheckoutSaga from "../src/orchestration/commerce/checkoutSaga.js"
import { Customers } from "../src/orchestration/commerce/Customers.js"
import { Inventory } from "../src/orchestration/commerce/Inventory.js"
import { Orders } from "../src/orchestration/commerce/Orders.js"
import { placeOrder } from "../src/orchestration/commerce/placeOrder.js"
import { reserveStock } from "../src/orchestration/commerce/reserveStock.js"
import { Tenants } from "../src/orchestration/identity/Tenants.js"
import type { Benchmark, Figure, Row } from "./support/Benchmark.js"
import { machineCpuSeconds, ownCpuSeconds } from "./support/Cpu.js"

const tenantId = TenantId.make("bench")
const system = new SystemActor({ component: "bench" })
const skus = Array.from({ length: 20 }, (_, i) => Sku.make(`sku-${i}`))
const concurrency = 50

/** Two lines of a 20-product catalogue, paid with a card the sandbox accepts. */
export const requestFor = (n: number) =>
  new CheckoutRequest({
    customerId: CustomerId.make("alice"),
    paymentMethod: PaymentMethod.make("pm_card_visa"),
    lines: [new CartLine({ sku: skus[n % 20]!, quantity: 1 }), new CartLine({ sku: skus[(n + 7) % 20]!, quantity: 2 })]
  })

/** The service's stack over a fresh SQLite file (WAL, synchronous = NORMAL): SQL ports, the sandbox gateway, the saga on `engine`. */
export const layerFor = (engine: Layer.Layer<WorkflowEngine, unknown, SqlClient.SqlClient>, file: string) =>
  CheckoutSaga.layer.pipe(
    Layer.provideMerge(SandboxPaymentGateway.layer),
    Layer.provideMerge(engine),
    Layer.provideMerge(sqlPortsOn(file))
  )

export const arrange = Effect.gen(function*() {
  const now = yield* DateTime.now
  yield* (yield* Tenants).create(new Tenant({ id: tenantId, name: "Bench", status: "active", createdAt: now }))
  const inventory = yield* Inventory
  const price = new Money({ amount: 1999, currency: CurrencyCode.make("EUR") })
  yield* Effect.forEach(skus, (sku) => inventory.put(tenantId, new StockItem({ sku, name: sku, unitPrice: price, onHand: 1_000_000_000 })))
  yield* (yield* Customers).put(tenantId, new Customer({ id: CustomerId.make("alice"), tier: "standard", verified: true }))
})

type Flow = (key: CheckoutKey, request: CheckoutRequest) => Effect.Effect<{ readonly _tag: string }, unknown, Effect.Effect.Context<ReturnType<typeof checkout>> | Effect.Effect.Context<ReturnType<typeof placeOrder>> | Effect.Effect.Context<ReturnType<typeof reserveStock>> | Effect.Effect.Context<ReturnType<typeof chargePayment>>>

/** The checkout orchestrator: authorize, open the record, run the saga on the engine. */
const saga: Flow = (key, request) => checkout(system, tenantId, key, request)

/** The same steps called one after the other, without an engine: the floor the engines add to. */
export const direct: Flow = (key, request) =>
  Effect.gen(function*() {
    const now = yield* DateTime.now
    yield* (yield* Orders).openCheckout(new Checkout({ tenantId, key, request, status: "open", createdAt: now, updatedAt: now }))
    const command = { tenantId, key, actor: system, request }
    const reserved = yield* reserveStock(command)
    if (reserved._tag !== "StockReserved") return reserved
    const charged = yield* chargePayment(command, reserved, key)
    return charged._tag === "Charged" ? yield* placeOrder(command, reserved, charged) : charged
  })

export interface Measured {
  readonly rate: number
  readonly cpuMillis: number
  /** The share of a core other processes used meanwhile. */
  readonly others: number
  readonly messagesPerCheckout: number
}

/** `count` checkouts (after 100 to warm up), `parallel` in flight; every one must place its order. */
const run = (label: string, flow: Flow, count: number, parallel: number) =>
  Effect.gen(function*() {
    const batch = (from: number, n: number) =>
      Effect.forEach(Array.from({ length: n }, (_, i) => from + i), (i) =>
        flow(CheckoutKey.make(`${label}-${i}`), requestFor(i)).pipe(
          Effect.flatMap((outcome) => (outcome._tag === "OrderPlaced" ? Effect.void : Effect.dieMessage(`${label}: ${outcome._tag}`)))
        ), { concurrency: parallel, discard: true })
    yield* batch(0, 100)
    const [started, own, machine] = [performance.now(), ownCpuSeconds(), machineCpuSeconds()]
    yield* batch(100, count)
    const seconds = (performance.now() - started) / 1000
    const cpu = ownCpuSeconds() - own
    const messages = yield* Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql<{ n: number }>`SELECT COUNT(*) AS n FROM cluster_messages`.pipe(Effect.orElseSucceed(() => [{ n: 0 }])))
    return {
      rate: count / seconds,
      cpuMillis: (cpu * 1000) / count,
      others: Math.max(0, (machineCpuSeconds() - machine - cpu) / seconds),
      messagesPerCheckout: Number(messages[0]?.n ?? 0) / (count + 100)
    } satisfies Measured
  })

/** Measures a flow on an engine over a fresh database, in this process. */
export const measure = (label: string, engine: Layer.Layer<WorkflowEngine, unknown, SqlClient.SqlClient>, count: number, parallel = concurrency, flow = saga) => {
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-checkout-"))
  return Effect.runPromise(
    Effect.zipRight(arrange, run(label, flow, count, parallel)).pipe(
      Effect.provide(layerFor(engine, join(dir, "baton.db"))),
      Logger.withMinimumLogLevel(LogLevel.Warning),
      Effect.withTracerEnabled(false),
      Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
    )
  )
}

/** The engine alone: a workflow of two empty steps, shaped like the saga (run + reserve + pay). */
const Empty = Workflow.make({ name: "bench/empty", payload: { key: Schema.String }, idempotencyKey: ({ key }) => key })
const EmptyLive = Empty.toLayer(() =>
  Effect.zipRight(Activity.make({ name: "first", execute: Effect.void }), Activity.make({ name: "second", execute: Effect.void })))

export const engineAlone = (engine: Layer.Layer<WorkflowEngine, unknown, SqlClient.SqlClient>, count: number) => {
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-engine-"))
  const batch = (from: number, n: number) =>
    Effect.forEach(Array.from({ length: n }, (_, i) => from + i), (i) => Empty.execute({ key: `w-${i}` }), { concurrency, discard: true })
  return Effect.runPromise(
    Effect.gen(function*() {
      yield* batch(0, 100)
      const [started, own] = [performance.now(), ownCpuSeconds()]
      yield* batch(100, count)
      const seconds = (performance.now() - started) / 1000
      return { rate: count / seconds, cpuMillis: ((ownCpuSeconds() - own) * 1000) / count, others: Number.NaN, messagesPerCheckout: 3 }
    }).pipe(
      Effect.provide(EmptyLive.pipe(Layer.provideMerge(engine), Layer.provideMerge(Database.sqlite(join(dir, "engine.db"))))),
      Logger.withMinimumLogLevel(LogLevel.Warning),
      Effect.withTracerEnabled(false),
      Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
    )
  )
}

const best = (rounds: ReadonlyArray<Measured>) => rounds.reduce((a, b) => (b.rate > a.rate ? b : a))

const row = (engine: string, measured: Measured): Row => ({
  engine,
  "checkouts/s": measured.rate,
  "ms/checkout": 1000 / measured.rate,
  "CPU ms/checkout": measured.cpuMillis,
  "engine messages": measured.messagesPerCheckout,
  "other CPU": Number.isNaN(measured.others) ? "" : `${Math.round(measured.others * 100)}%`
})

export const benchmark: Benchmark = {
  name: "checkout",
  title: "Durable checkouts on SQLite (concurrency 50) against the same flow on the in-memory engine and without an engine",
  run: async ({ quick }) => {
    const count = quick ? 400 : 2000
    const rounds = quick ? 1 : 3
    const results = {
      direct: [] as Array<Measured>,
      memory: [] as Array<Measured>,
      durable: [] as Array<Measured>,
      shards300: [] as Array<Measured>,
      empty: [] as Array<Measured>
    }
    for (let round = 0; round < rounds; round++) {
      results.empty.push(await engineAlone(WorkflowEngines.layerSql(), count))
      results.direct.push(await measure("direct", WorkflowEngines.layerMemory, count, concurrency, direct))
      results.memory.push(await measure("memory", WorkflowEngines.layerMemory, count))
      results.durable.push(await measure("durable", WorkflowEngines.layerSql(), count))
      results.shards300.push(await measure("durable300", WorkflowEngines.layerSql({ shardsPerGroup: 300 }), count))
    }
    const single = await measure("single", WorkflowEngines.layerSql(), quick ? 50 : 200, 1)
    const [floor, memory, durable] = [best(results.direct), best(results.memory), best(results.durable)]
    const steps = 2
    const perStep = (measured: Measured) => ((measured.cpuMillis - floor.cpuMillis) / steps).toFixed(2)
    const figures: ReadonlyArray<Figure> = [
      { name: "durable checkouts", unit: "checkouts/s", value: durable.rate, baselineName: "in-memory engine", baseline: memory.rate, target: { atLeast: 0.5 } },
      { name: "durable checkouts", unit: "CPU ms/checkout", value: durable.cpuMillis, baselineName: "in-memory engine", baseline: memory.cpuMillis },
      { name: "durable checkouts", unit: "checkouts/s", value: durable.rate, baselineName: "the issue's target", baseline: 500, target: { atLeast: 1 } }
    ]
    return {
      notes: [
        `${count} checkouts after 100 to warm up, ${concurrency} in flight, best of ${rounds} round(s) per row, taking turns; tracer off as in the service`,
        "each checkout: authorize, open its record, then the saga's durable steps (reserve; pay = charge + place the order); sandbox payments",
        `CPU per durable step over the steps alone: ${perStep(durable)} ms on SQLite, ${perStep(memory)} ms in memory (${steps} steps and the run itself)`,
        `one durable checkout alone takes ${(1000 / single.rate).toFixed(1)} ms (concurrency 1)`
      ],
      rows: [
        row("the steps alone, no engine", floor),
        row("in-memory engine (not durable)", memory),
        row("durable engine, SQLite", durable),
        row("durable engine, SQLite, 300 shards (the cluster's default)", best(results.shards300)),
        row("durable engine, SQLite, one at a time", single),
        row("the durable engine alone: two empty steps (its ceiling)", best(results.empty))
      ],
      figures
    }
  }
}
