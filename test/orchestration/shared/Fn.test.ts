import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { fn } from "../../../src/orchestration/shared/Fn.js"

const spanName = Effect.option(Effect.currentSpan).pipe(Effect.map(Option.map((span) => span.name)))

const greet = fn("Test.greet")(
  function*(name: string, times: number) {
    return { greeting: `${name} ×${times}`, span: yield* spanName }
  },
  Effect.map((result) => ({ ...result, piped: true }))
)

describe("fn", () => {
  it.effect("makes a span named after the function while tracing is on", () =>
    Effect.gen(function*() {
      const result = yield* greet("Ada", 2)
      assert.deepStrictEqual(result, { greeting: "Ada ×2", span: Option.some("Test.greet"), piped: true })
    }))

  it.effect("runs the same body, arguments and pipeline with no span while tracing is off", () =>
    Effect.gen(function*() {
      const result = yield* greet("Ada", 2).pipe(Effect.withTracerEnabled(false))
      assert.deepStrictEqual(result, { greeting: "Ada ×2", span: Option.none(), piped: true })
      assert.strictEqual(greet.length, 2)
    }))

  it.effect("an untraced call inside a traced one keeps the caller's span", () =>
    Effect.gen(function*() {
      const inner = fn("Test.inner")(function*() {
        return yield* spanName
      })
      const seen = yield* inner().pipe(Effect.withTracerEnabled(false), Effect.withSpan("caller"))
      assert.deepStrictEqual(seen, Option.some("caller"))
    }))
})
