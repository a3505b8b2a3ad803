// Fiber steps and context copies of one request, in process:
//   node --import tsx bench/tools/requestSteps.ts /me [/tenants/bench/members …]
// The API runs over `HttpApiBuilder.toWebHandler` on a SQLite file, as the service composes it
// (request middleware included; requests start with the services the service's server starts
// them with). One difference: `toWebHandler` keeps the platform's tracer middleware on, a no-op
// request span of ≈ 3 steps the service's server leaves out (`withRequestSpans` in
// `src/layers/http/HttpServer.ts`). After a warm-up, it counts for 100 requests of each path: the
// steps the fibers run (one scheduler check per step), and the copies of a `Map` with more than
// three entries (a `Context` copied by a provide, `FiberRefs` copied by a fiber-local change), by
// size and call site. `STEPS=40` also lists the 40 most frequent steps.
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpServer from "@effect/platform/HttpServer"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer, Logger, LogLevel } from "effect"
import * as Scheduler from "effect/Scheduler"
import { capture } from "../../src/layers/CapturedServices.js"
import { arrangeBenchTenant } from "../support/Requests.js"

process.env.BATON_DATA_DIR = mkdtempSync(join(tmpdir(), "baton-steps-"))
process.env.BATON_BOOTSTRAP_EMAIL = "admin@example.com"
process.env.BATON_BOOTSTRAP_PASSWORD = "correct horse battery staple"
const Bootstrap = await import("../../src/layers/Bootstrap.js")
const BatonHttp = await import("../../src/layers/http/HttpServer.js")
const Service = await import("../../src/layers/Service.js")
const Authentication = await import("../../src/layers/http/Authentication.js")

const composed = Layer.mergeAll(BatonHttp.api, HttpServer.layerContext).pipe(
  Layer.provide(Bootstrap.layer),
  Layer.provideMerge(Service.workflowEngine),
  Layer.provideMerge(Service.core),
  Layer.provide(Logger.minimumLogLevel(LogLevel.Warning)),
  Layer.provide(Layer.setTracerEnabled(false))
)
// requests start with what the service's server starts them with (`BatonHttp.servedWithBearerPorts`):
// the API, the platform's defaults and the bearer check's ports, not the whole composition
const layer = Layer.effectContext(capture(...BatonHttp.apiServing, ...Authentication.bearerPorts)).pipe(Layer.provide(composed))
const { dispose, handler } = HttpApiBuilder.toWebHandler(layer, { middleware: BatonHttp.requestMiddleware })
const base = "http://localhost"
const send = (path: string, init: RequestInit = {}) => handler(new Request(`${base}${path}`, init))

const loginReply = await send("/auth/login", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "admin@example.com", password: "correct horse battery staple" })
})
const { sessionToken } = (await loginReply.json()) as { sessionToken: string }
const headers = { authorization: `Bearer ${sessionToken}`, "content-type": "application/json" }
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["/me"]
if (paths.some((path) => path.startsWith("/tenants/bench"))) {
  await arrangeBenchTenant(base, headers.authorization, (url, init) => handler(new Request(url, init)))
}

/** Runs `count` requests of `path` one after the other, `during` each one only (not while reading the body). */
const requests = async (path: string, count: number, during: (on: boolean) => void) => {
  for (let n = 0; n < count; n++) {
    during(true)
    const reply = await send(path, { headers })
    during(false)
    if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${await reply.text()}`)
    await reply.arrayBuffer()
  }
}

// one scheduler check per fiber step (`FiberRuntime.runLoop`)
const scheduler = Scheduler.defaultScheduler as Scheduler.Scheduler & { shouldYield: (fiber: unknown) => number | false }
const shouldYield = scheduler.shouldYield.bind(scheduler)
let counting = false
let steps = 0
scheduler.shouldYield = (fiber) => {
  if (counting) steps++
  return shouldYield(fiber)
}

// the step kinds, by the fiber's op handlers (`STEPS=n`)
const kinds = new Map<string, number>()
if (process.env.STEPS !== undefined) {
  const fiber = await Effect.runPromise(Effect.withFiberRuntime((fiber) => Effect.succeed(fiber)))
  const prototype = Object.getPrototypeOf(fiber) as Record<string, unknown>
  const describe = (op: Record<string, unknown>) => {
    const body = [op.effect_instruction_i1, op.effect_instruction_i0].find((part) => typeof part === "function")
    return `${String(op._op)} ${body === undefined ? "" : String(body).replace(/\s+/g, " ").slice(0, 100)}`
  }
  for (const key of Object.getOwnPropertyNames(prototype)) {
    const handle = prototype[key]
    if (typeof handle !== "function" || !/^[A-Z][A-Za-z]+$/.test(key)) continue
    prototype[key] = function(this: unknown, op: Record<string, unknown>) {
      if (counting) kinds.set(describe(op), (kinds.get(describe(op)) ?? 0) + 1)
      return handle.call(this, op)
    }
  }
}

// copies of maps with more than three entries (contexts, fiber refs), by call site
const OriginalMap = globalThis.Map
const copies = new OriginalMap<string, { count: number; entries: number }>()
class CountingMap<K, V> extends OriginalMap<K, V> {
  constructor(source?: Iterable<readonly [K, V]> | null) {
    super(source)
    if (counting && source instanceof OriginalMap && source.size > 3) {
      counting = false
      const site = (new Error().stack ?? "").split("\n").slice(2, 6).map((line) =>
        line.trim().replace(/^at /, "").replace(/.*node_modules\//, "").replace(/.*\/src\//, "src/")
      ).join(" < ")
      counting = true
      const seen = copies.get(site) ?? { count: 0, entries: 0 }
      seen.count++
      seen.entries += source.size
      copies.set(site, seen)
    }
  }
}

const count = 100
for (const path of paths) {
  await requests(path, 200, () => {})
  steps = 0
  copies.clear()
  kinds.clear()
  globalThis.Map = CountingMap as MapConstructor
  await requests(path, count, (on) => (counting = on))
  globalThis.Map = OriginalMap
  const copied = [...copies.values()].reduce((sum, seen) => sum + seen.count, 0) / count
  console.log(`\n${path}: ${(steps / count).toFixed(0)} fiber steps, ${copied.toFixed(1)} map copies a request`)
  for (const [site, seen] of [...copies].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  ${(seen.count / count).toFixed(2).padStart(6)} × ${(seen.entries / seen.count).toFixed(0).padStart(3)} entries  ${site}`)
  }
  if (kinds.size > 0) {
    console.log("  most frequent steps:")
    for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.STEPS))) {
      console.log(`  ${(n / count).toFixed(2).padStart(6)}  ${kind}`)
    }
  }
}
await dispose()
