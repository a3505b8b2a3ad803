// What a login's SQLite statements cost while Argon2id runs beside them, in process:
//   node --import tsx bench/tools/loginStatements.ts [logins=600] [inFlight=8]
// The API runs over `HttpApiBuilder.toWebHandler` on a SQLite file, as `requestSteps.ts` composes it
// (no outbox dispatcher). After a warm-up it runs `logins` logins, `inFlight` at a time, three times,
// and prints the main thread's CPU per login (from /proc, 10 ms ticks); the third time it also times
// every better-sqlite3 call (wall time, one statement each) and prints them per login. Last, the
// generation read and the failed-attempts read on a quiet process, for comparison.
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpServer from "@effect/platform/HttpServer"
import Sqlite from "better-sqlite3"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Layer, Logger, LogLevel } from "effect"
import { capture } from "../../src/layers/CapturedServices.js"

const logins = Number(process.argv[2] ?? 600)
const inFlight = Number(process.argv[3] ?? 8)

// every statement's `run`, `get`, `all` and `iterate`, timed while `timing` is on, by method and SQL
const statements = new Map<string, { calls: number; micros: number }>()
let timing = false
type Method = (this: Sqlite.Statement, ...args: Array<unknown>) => unknown
const prototype = Object.getPrototypeOf(new Sqlite(":memory:").prepare("SELECT 1")) as Record<string, Method>
for (const name of ["run", "get", "all", "iterate"]) {
  const original = prototype[name]!
  prototype[name] = function(this: Sqlite.Statement, ...args: Array<unknown>) {
    if (!timing) return original.apply(this, args)
    const started = performance.now()
    try {
      return original.apply(this, args)
    } finally {
      const key = `${name} ${this.source.replace(/\s+/g, " ").trim().slice(0, 90)}`
      const seen = statements.get(key) ?? { calls: 0, micros: 0 }
      statements.set(key, { calls: seen.calls + 1, micros: seen.micros + (performance.now() - started) * 1000 })
    }
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "baton-login-statements-"))
process.env.BATON_DATA_DIR = dataDir
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
const layer = Layer.effectContext(capture(...BatonHttp.apiServing, ...Authentication.bearerPorts)).pipe(Layer.provide(composed))
const { dispose, handler } = HttpApiBuilder.toWebHandler(layer, { middleware: BatonHttp.requestMiddleware })
const body = JSON.stringify({ email: "admin@example.com", password: "correct horse battery staple" })

const login = async () => {
  const reply = await handler(new Request("http://localhost/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body }))
  if (reply.status !== 200) throw new Error(`login: ${reply.status} ${await reply.text()}`)
  await reply.arrayBuffer()
}
const run = async (count: number) => {
  let started = 0
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (started++ < count) await login()
  }))
}

/** CPU seconds of this process's main thread (its task id is the process id). */
const mainThreadSeconds = () => {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8")
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[11]) + Number(fields[12])) / 100
}

await run(200)
for (let pass = 1; pass <= 3; pass++) {
  timing = pass === 3
  const cpu = mainThreadSeconds()
  const started = performance.now()
  await run(logins)
  const seconds = (performance.now() - started) / 1000
  console.log(`pass ${pass}: ${Math.round(logins / seconds)} logins/s, main thread ${((mainThreadSeconds() - cpu) * 1e6 / logins).toFixed(0)} µs a login`)
}
timing = false
let total = 0
console.log("\nSQLite statements during the last pass (wall time per login, calls per login):")
for (const [sql, { calls, micros }] of [...statements].sort((a, b) => b[1].micros - a[1].micros)) {
  total += micros
  console.log(`${(micros / logins).toFixed(1).padStart(8)} µs ${(calls / logins).toFixed(2).padStart(5)}×  ${sql}`)
}
console.log(`${(total / logins).toFixed(0).padStart(8)} µs in all`)
await dispose()

const quiet = new Sqlite(join(dataDir, "baton.db"), { readonly: true, fileMustExist: true })
const loop = (name: string, read: () => unknown) => {
  const started = performance.now()
  for (let n = 0; n < 5000; n++) read()
  console.log(`quiet: ${name} ${((performance.now() - started) * 1000 / 5000).toFixed(1)} µs`)
}
const generation = quiet.prepare("SELECT value FROM baton_access_generation WHERE id = 1").pluck()
const attempts = quiet.prepare("SELECT failures, locked_until FROM baton_login_attempts WHERE subject = ? AND factor = ?")
console.log("")
loop("the access generation read", () => generation.get())
loop("the failed-attempts read", () => attempts.all("admin@example.com", "password"))
quiet.close()
