import { Duration, Effect } from "effect"
import { AuditIntent } from "../../src/domain/audit/AuditIntent.js"
import { DeliveryPolicy } from "../../src/domain/outbox/DeliveryPolicy.js"
import type { OutboxEntry } from "../../src/domain/outbox/OutboxEntry.js"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import { AuditTrail } from "../../src/orchestration/audit/AuditTrail.js"

/** `dispatchDue` options for tests: four attempts, backoff from one second. */
export const dispatchOptions = {
  policy: new DeliveryPolicy({ maxAttempts: 4, baseDelay: Duration.seconds(1), maxDelay: Duration.seconds(8) }),
  batchSize: 50,
  lease: Duration.seconds(30),
  concurrency: 4
}

/** The system actor the tests act as. */
export const testActor = new SystemActor({ component: "test" })

/** Records one audit intent per action, outside any transaction (each written at once). */
export const recordAudits = (actions: ReadonlyArray<string>) =>
  Effect.flatMap(AuditTrail, (trail) =>
    Effect.forEach(actions, (action) => trail.record(new AuditIntent({ action, actor: testActor, outcome: "Done" })), { discard: true }))

/** An entry's audit action, or its intent's tag for a notification. */
export const actionOf = (entry: OutboxEntry) => (entry.intent._tag === "AuditRecord" ? entry.intent.intent.action : entry.intent._tag)
