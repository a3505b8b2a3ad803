import { Effect, FiberRef } from "effect"

/**
 * `Effect.fn(name)`, whose span exists only while tracing is on.
 *
 * With tracing off (baton's default: `BATON_TRACING` unset), `Effect.fn` still captures its call
 * site and runs the body under a no-op span, and providing that span copies the fiber's whole
 * context: ≈ 15 µs per call with baton's services, several times per request. Here each call asks
 * the fiber whether tracing is enabled (`Effect.withTracerEnabled`) and runs either the traced
 * function or the same body untraced. Besides the span, the untraced call gives up one thing: a
 * defect's report no longer lists this function (`at Name (file:line)`) above where it was raised.
 */
export const fn = (name: string): Effect.fn.Gen & Effect.fn.NonGen =>
  ((body: Function, ...pipeables: Array<Function>) => {
    const traced: Function = (Effect.fn(name) as Function)(body, ...pipeables)
    const untraced: Function = (Effect.fnUntraced as Function)(body, ...pipeables)
    return Object.defineProperty(
      function(this: unknown, ...args: Array<unknown>) {
        return Effect.withFiberRuntime((fiber) =>
          fiber.getFiberRef(FiberRef.currentTracerEnabled) ? traced.apply(this, args) : untraced.apply(this, args)
        )
      },
      "length",
      { value: body.length }
    )
  }) as never
