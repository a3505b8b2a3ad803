import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { DateTime, Effect, Layer } from "effect"
import { AuditIntent, AuditRecord } from "../../../src/domain/audit/AuditIntent.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { IntentId } from "../../../src/domain/shared/Ids.js"
import * as Database from "../../../src/layers/sql/Database.js"
import * as SqlAuditLog from "../../../src/layers/sql/SqlAuditLog.js"
import { AuditLog } from "../../../src/orchestration/audit/AuditLog.js"

/** `appendAudit <sqlite file> <writer> <count>`: appends `count` records, a few at a time (a process sharing the audit log). */
const [file, writer, count] = process.argv.slice(2)

const program = Effect.gen(function*() {
  const log = yield* AuditLog
  yield* Effect.forEach(
    Array.from({ length: Number(count) }, (_, n) => n),
    (n) =>
      Effect.flatMap(DateTime.now, (occurredAt) =>
        log.append([new AuditRecord({
          id: IntentId.make(`${writer}-${n}`),
          occurredAt,
          intent: new AuditIntent({ action: "race.append", actor: new SystemActor({ component: String(writer) }), outcome: "Done" })
        })])),
    { concurrency: 4, discard: true }
  )
})

program.pipe(
  Effect.provide(SqlAuditLog.layer.pipe(Layer.provide(Database.sqlite(String(file))))),
  NodeRuntime.runMain
)
