import { assert, describe, it } from "@effect/vitest"
import { Duration, Either, Option } from "effect"
import { assessReadiness } from "../../../src/domain/health/Readiness.js"

const limits = { maxOutboxLag: Duration.seconds(60), maxHeartbeatAge: Duration.seconds(10) }
const healthy = { pending: 2, dead: 0, oldestPendingAge: Option.some(Duration.seconds(1)) }

const failing = (observed: Parameters<typeof assessReadiness>[0]) =>
  assessReadiness(observed, limits).checks.filter((c) => !c.ok).map((c) => c.name)

describe("assessReadiness", () => {
  it("is ready when the database answers, the outbox keeps up and the dispatcher beats", () => {
    const readiness = assessReadiness({ outbox: Either.right(healthy), heartbeatAge: Option.some(Duration.seconds(2)) }, limits)
    assert.strictEqual(readiness._tag, "Ready")
    assert.deepStrictEqual(readiness.checks.map((c) => c.name), ["database", "outbox", "dispatcher"])
  })

  it.each([
    ["the database is down", { outbox: Either.left("connection refused"), heartbeatAge: Option.some(Duration.seconds(1)) }, ["database", "outbox"]],
    ["the outbox lags", { outbox: Either.right({ ...healthy, oldestPendingAge: Option.some(Duration.seconds(61)) }), heartbeatAge: Option.some(Duration.seconds(1)) }, ["outbox"]],
    ["the dispatcher has not run", { outbox: Either.right(healthy), heartbeatAge: Option.none() }, ["dispatcher"]],
    ["the dispatcher is stale", { outbox: Either.right(healthy), heartbeatAge: Option.some(Duration.seconds(11)) }, ["dispatcher"]]
  ] as const)("is not ready when %s", (_, observed, expected) => {
    assert.deepStrictEqual(failing(observed), [...expected])
    assert.strictEqual(assessReadiness(observed, limits)._tag, "NotReady")
  })

  it("keeps dead letters visible without failing readiness", () => {
    const readiness = assessReadiness({ outbox: Either.right({ ...healthy, dead: 3 }), heartbeatAge: Option.some(Duration.seconds(1)) }, limits)
    assert.strictEqual(readiness._tag, "Ready")
    assert.include(readiness.checks[1]?.detail ?? "", "3 dead-lettered")
  })
})
