import { assert, describe, it } from "@effect/vitest"
import { Duration, FastCheck as fc, Option } from "effect"
import * as Breaker from "../../../src/domain/modules/CircuitBreaker.js"

const policy: Breaker.BreakerPolicy = { failureThreshold: 5, openFor: Duration.seconds(60) }

const failTimes = (n: number, now = 0) => {
  let state = Breaker.initial
  for (let i = 0; i < n; i++) state = Breaker.failed(Breaker.admit(state, now).state, now, policy)
  return state
}

describe("the circuit breaker", () => {
  it("stays closed through four consecutive failures and opens for 60 s at the fifth", () => {
    assert.deepStrictEqual(failTimes(4), new Breaker.Closed({ failures: 4 }))
    assert.deepStrictEqual(failTimes(5, 1_000), new Breaker.Open({ failures: 5, until: 61_000 }))
  })

  it("a success closes it and resets the count", () => {
    assert.deepStrictEqual(Breaker.succeeded(failTimes(4)), new Breaker.Closed({ failures: 0 }))
    assert.deepStrictEqual(Breaker.failed(Breaker.succeeded(failTimes(4)), 0, policy), new Breaker.Closed({ failures: 1 }))
  })

  it("while open it refuses with the time to retry; then it lets exactly one probe through", () => {
    const open = failTimes(5)
    const refused = Breaker.admit(open, 59_999)
    assert.deepStrictEqual([refused._tag, refused._tag === "Reject" && refused.retryAt], ["Reject", 60_000])
    const probe = Breaker.admit(open, 60_000)
    assert.strictEqual(probe._tag, "Probe")
    assert.strictEqual(Breaker.admit(probe.state, 60_001)._tag, "Reject", "a second caller waits for the probe")
    assert.deepStrictEqual(Breaker.succeeded(probe.state), new Breaker.Closed({ failures: 0 }))
    assert.deepStrictEqual(Breaker.failed(probe.state, 60_500, policy), new Breaker.Open({ failures: 6, until: 120_500 }))
  })

  it("reports its state for readiness and metrics", () => {
    const status = Breaker.statusOf("entitlements", failTimes(5))
    assert.deepStrictEqual([status.state, status.consecutiveFailures, Option.isSome(status.retryAt)], ["open", 5, true])
    assert.deepStrictEqual(Breaker.retryAfterSeconds(status, 30_000), Option.some(30))
    assert.deepStrictEqual(Breaker.retryAfterSeconds(Breaker.statusOf("entitlements", Breaker.initial), 0), Option.none())
  })

  it("for any sequence of outcomes, it is open exactly after five failures in a row since the last success", () =>
    fc.assert(fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (outcomes) => {
      let state = Breaker.initial
      let streak = 0
      for (const ok of outcomes) {
        if (state._tag === "Open") break
        state = ok ? Breaker.succeeded(state) : Breaker.failed(state, 0, policy)
        streak = ok ? 0 : streak + 1
      }
      assert.strictEqual(state._tag === "Open", streak >= 5)
    })))
})
