import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import { builtWithOnly } from "../../src/layers/BuiltWithOnly.js"

class Port extends Context.Tag("test/BuiltWithOnly/Port")<Port, string>() {}
class Other extends Context.Tag("test/BuiltWithOnly/Other")<Other, string>() {}
class Policy extends Context.Reference<Policy>()("test/BuiltWithOnly/Policy", { defaultValue: () => "the default" }) {}

/** What a layer built with `Port` (and maybe `Policy`) sees of the context it was given. */
class Seen extends Context.Tag("test/BuiltWithOnly/Seen")<Seen, { readonly port: string; readonly other: boolean; readonly policy: string }>() {}

const seeing = Layer.effect(
  Seen,
  Effect.all({ port: Port, other: Effect.map(Effect.serviceOption(Other), (o) => o._tag === "Some"), policy: Policy })
)

const given = Layer.mergeAll(Layer.succeed(Port, "the port"), Layer.succeed(Other, "another"), Layer.succeed(Policy, "configured"))

describe("builtWithOnly", () => {
  it.effect("builds a layer with the services named only, references kept when named and given", () =>
    Effect.gen(function*() {
      const named = yield* Effect.provide(Seen, seeing.pipe(builtWithOnly(Port, Policy), Layer.provide(given)))
      assert.deepStrictEqual(named, { port: "the port", other: false, policy: "configured" })
      const unnamed = yield* Effect.provide(Seen, seeing.pipe(builtWithOnly(Port), Layer.provide(given)))
      assert.deepStrictEqual(unnamed, { port: "the port", other: false, policy: "the default" }, "a reference left out falls back to its default")
      const absent = yield* Effect.provide(Seen, seeing.pipe(builtWithOnly(Port, Policy), Layer.provide(Layer.succeed(Port, "the port"))))
      assert.strictEqual(absent.policy, "the default", "a named reference nobody gave is not required")
    }))

  it.effect("builds a layer it shares with the layers around it once (the same memo map)", () =>
    Effect.gen(function*() {
      let builds = 0
      const shared = Layer.effect(Other, Effect.sync(() => `build ${++builds}`))
      const inside = Layer.effectDiscard(Other).pipe(Layer.provide(shared), builtWithOnly(Port))
      yield* Effect.provide(Other, Layer.mergeAll(inside, shared).pipe(Layer.provide(Layer.succeed(Port, "the port"))))
      assert.strictEqual(builds, 1)
    }))
})
