import { assert, describe, it } from "@effect/vitest"
import { Duration, FastCheck as fc } from "effect"
import { afterFailure, DeliveryPolicy } from "../../../src/domain/outbox/DeliveryPolicy.js"
import { entriesFor } from "../../../src/domain/outbox/OutboxEntry.js"
import { AuditIntent, AuditRecord } from "../../../src/domain/audit/AuditIntent.js"
import { NotificationIntent, NotificationRecord, OperationsAudience } from "../../../src/domain/notifications/NotificationIntent.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { IntentId } from "../../../src/domain/shared/Ids.js"
import { DateTime } from "effect"

const policy = new DeliveryPolicy({ maxAttempts: 8, baseDelay: Duration.seconds(1), maxDelay: Duration.seconds(60) })

describe("afterFailure", () => {
  it("doubles the ceiling with each attempt up to the maximum delay", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempts) => afterFailure(policy, attempts, 0, 0.999999))
    assert.deepStrictEqual(delays.map((step) => (step._tag === "Retry" ? Math.round(step.at / 1000) : -1)), [1, 2, 4, 8, 16, 32, 60])
  })

  it("dead-letters once the last allowed attempt has failed", () => {
    assert.strictEqual(afterFailure(policy, 7, 0, 0.5)._tag, "Retry")
    assert.strictEqual(afterFailure(policy, 8, 0, 0.5)._tag, "DeadLetter")
  })

  it.prop(
    "retries within [base/10, min(max, base·2^(n-1))] after now",
    [fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })],
    ([attempts, now, jitter]) => {
      const step = afterFailure(policy, attempts, now, jitter)
      if (step._tag !== "Retry") return false
      const delay = step.at - now
      return delay >= 100 && delay <= Math.min(60_000, 1000 * 2 ** (attempts - 1))
    }
  )
})

describe("entriesFor", () => {
  const actor = new SystemActor({ component: "test" })
  const at = DateTime.unsafeMake(0)

  it("makes one audit entry for an audit record", () => {
    const record = new AuditRecord({ id: IntentId.make("i1"), occurredAt: at, intent: new AuditIntent({ action: "a", actor, outcome: "Done" }) })
    assert.deepStrictEqual(entriesFor(record, ["log", "webhook"]).map((e) => [e.id, e.destination]), [["i1:audit", "audit"]])
  })

  it("makes one entry per configured channel for a notification, the log always", () => {
    const record = new NotificationRecord({
      id: IntentId.make("i2"),
      occurredAt: at,
      intent: new NotificationIntent({ kind: "k", category: "info", audience: new OperationsAudience(), data: {} })
    })
    assert.deepStrictEqual(entriesFor(record, ["log", "webhook"]).map((e) => e.destination), ["log", "webhook"])
    assert.deepStrictEqual(entriesFor(record, []).map((e) => e.destination), ["log"])
  })
})
