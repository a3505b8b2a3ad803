import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Option } from "effect"
import { AttemptState, hasFailures, lockFor, noAttempts, retryAfter } from "../../../src/domain/identity/Lockout.js"

const now = DateTime.unsafeMake(1_800_000_000_000)

describe("Lockout", () => {
  it("locks at every fifth consecutive failure: one minute, doubling, fifteen at most", () => {
    assert.deepStrictEqual([4, 5, 6, 10, 15, 20, 25].map((n) => Option.map(lockFor(n), Duration.toMinutes)), [
      Option.none(),
      Option.some(1),
      Option.none(),
      Option.some(2),
      Option.some(4),
      Option.some(8),
      Option.some(15)
    ])
  })

  it("tells how long a lock has left, and nothing once it has passed", () => {
    const locked = new AttemptState({ failures: 5, lockedUntil: Option.some(DateTime.add(now, { seconds: 42 })) })
    assert.deepStrictEqual(Option.map(retryAfter(locked, now), Duration.toSeconds), Option.some(42))
    assert.isTrue(Option.isNone(retryAfter(locked, DateTime.add(now, { seconds: 42 }))))
  })

  it("has failures to reset while a failure is counted or a lock recorded, and none on a clean record", () => {
    assert.isFalse(hasFailures(noAttempts))
    assert.isTrue(hasFailures(new AttemptState({ failures: 1, lockedUntil: Option.none() })))
    assert.isTrue(hasFailures(new AttemptState({ failures: 0, lockedUntil: Option.some(now) })))
  })
})
