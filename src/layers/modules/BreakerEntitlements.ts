import { Clock, Effect, Exit, Layer, Metric, SynchronizedRef } from "effect"
import * as Breaker from "../../domain/modules/CircuitBreaker.js"
import { Entitlements, EntitlementsError } from "../../orchestration/modules/Entitlements.js"
import * as ModuleMetrics from "../../orchestration/modules/ModuleMetrics.js"
import { SubscriptionService } from "./SubscriptionService.js"

const gaugeValue = { closed: 0, "half-open": 1, open: 2 } as const

/**
 * `Entitlements` through a circuit breaker held in this process: the pure state machine of
 * `domain/modules/CircuitBreaker.ts` in a `SynchronizedRef`. While open, checks fail at once with
 * the time to retry and the service is not called; after the open period one probe goes through.
 * Transitions are logged and counted; the state is a gauge.
 */
export const make = (policy: Breaker.BreakerPolicy = Breaker.defaultPolicy) =>
  Effect.gen(function*() {
    const service = yield* SubscriptionService
    const state = yield* SynchronizedRef.make<Breaker.CircuitState>(Breaker.initial)
    yield* Metric.set(ModuleMetrics.circuitState, 0)

    const enter = (before: Breaker.CircuitState, after: Breaker.CircuitState) =>
      Breaker.describe(before) === Breaker.describe(after)
        ? Effect.void
        : Effect.all([
          Metric.set(ModuleMetrics.circuitState, gaugeValue[Breaker.describe(after)]),
          Metric.increment(Metric.tagged(ModuleMetrics.circuitTransitions, "to", Breaker.describe(after))),
          Effect.logWarning(`entitlements circuit ${Breaker.describe(after)}`).pipe(Effect.annotateLogs({ failures: after.failures }))
        ], { discard: true })

    const move = (f: (current: Breaker.CircuitState) => Breaker.CircuitState) =>
      SynchronizedRef.updateEffect(state, (current) => {
        const next = f(current)
        return Effect.as(enter(current, next), next)
      })

    const check = (tenantId: Parameters<Entitlements["Type"]["check"]>[0], entitlement: string) =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const admission = yield* SynchronizedRef.modifyEffect(state, (current) => {
          const decided = Breaker.admit(current, now)
          return Effect.as(enter(current, decided.state), [decided, decided.state] as const)
        })
        if (admission._tag === "Reject") {
          yield* Metric.increment(ModuleMetrics.circuitRejections)
          return yield* new EntitlementsError({ reason: `circuit open until ${new Date(admission.retryAt).toISOString()}`, cause: null })
        }
        const exit = yield* Effect.exit(service.check(tenantId, entitlement))
        const after = yield* Clock.currentTimeMillis
        yield* move((current) => (Exit.isSuccess(exit) ? Breaker.succeeded(current) : Breaker.failed(current, after, policy)))
        return yield* exit
      })

    return Entitlements.of({
      check,
      circuit: Effect.map(SynchronizedRef.get(state), (current) => Breaker.statusOf("entitlements", current))
    })
  })

export const layer = (policy?: Breaker.BreakerPolicy): Layer.Layer<Entitlements> =>
  Layer.effect(Entitlements, make(policy))

