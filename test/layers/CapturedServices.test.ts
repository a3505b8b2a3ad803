import { assert, describe, it } from "@effect/vitest"
import { Context, Effect } from "effect"
import { withServices } from "../../src/layers/CapturedServices.js"

class Clerk extends Context.Tag("test/Clerk")<Clerk, { readonly name: string }>() {}

const captured = { name: "captured" }
const seen = withServices(Context.make(Clerk, captured))(Effect.map(Clerk, (clerk) => clerk.name))

describe("withServices", () => {
  it.effect("the effect sees the captured service when the fiber lacks it", () =>
    Effect.map(seen, (name) => assert.strictEqual(name, "captured")))

  it.effect("the captured service wins over another instance under the same tag", () =>
    Effect.map(Effect.provideService(seen, Clerk, { name: "other" }), (name) => assert.strictEqual(name, "captured")))

  it.effect("the fiber's own instance, when it is the captured one, serves as it is", () =>
    Effect.map(Effect.provideService(seen, Clerk, captured), (name) => assert.strictEqual(name, "captured")))
})
