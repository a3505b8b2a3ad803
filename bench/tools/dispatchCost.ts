// CPU per audit record the outbox dispatcher delivers from a SQLite file, in rounds of `batch`:
// `node --import tsx bench/tools/dispatchCost.ts [records=2000] [batch=1]`. Each pass records the
// intents (each written at once, as outside a transaction), then runs `dispatchDue` until the outbox is empty.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Duration, Effect, Logger, LogLevel } from "effect"
import { AuditIntent } from "../../src/domain/audit/AuditIntent.js"
import { defaultPolicy } from "../../src/domain/outbox/DeliveryPolicy.js"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import { AuditTrail } from "../../src/orchestration/audit/AuditTrail.js"
import { dispatchDue } from "../../src/orchestration/outbox/dispatchDue.js"
import { sqlPortsOn } from "../support/SqlStack.js"

const records = Number(process.argv[2] ?? 2000)
const batchSize = Number(process.argv[3] ?? 1)
const actor = new SystemActor({ component: "bench" })

const pass = Effect.gen(function*() {
  const trail = yield* AuditTrail
  for (let n = 0; n < records; n++) yield* trail.record(new AuditIntent({ action: "bench.dispatch", actor, outcome: "Done" }))
  const cpu = process.cpuUsage()
  const started = performance.now()
  let delivered = 0
  while (delivered < records) delivered += yield* dispatchDue({ policy: defaultPolicy, batchSize, lease: Duration.minutes(1), concurrency: 8 })
  const used = process.cpuUsage(cpu)
  console.log(`rounds of ${batchSize}: ${((used.user + used.system) / records).toFixed(0)} µs CPU, ${((performance.now() - started) * 1000 / records).toFixed(0)} µs wall per record`)
})

await Effect.runPromise(
  Effect.repeatN(pass, 3).pipe(
    Effect.provide(sqlPortsOn(join(mkdtempSync(join(tmpdir(), "baton-dispatch-")), "baton.db"))),
    Effect.provide(Logger.minimumLogLevel(LogLevel.Warning)),
    Effect.withTracerEnabled(false)
  )
)
