import { Effect, TestClock } from "effect"
import { Day } from "../../../src/domain/supply/Calendar.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { sampleData } from "../../../src/layers/supply/SampleData.js"
import { loadSampleData } from "../../../src/orchestration/supply/loadSampleData.js"

export const system = new SystemActor({ component: "test" })
export const demo = TenantId.make("demo")
export const today = Day.make("2025-03-03")

/** Sets the test clock to noon of `today` and loads the sample data into `demo`. */
export const withSample = Effect.gen(function*() {
  yield* TestClock.setTime(Date.parse(`${today}T12:00:00Z`))
  const loaded = yield* loadSampleData(system, demo, sampleData(today))
  if (loaded._tag !== "SupplyDataLoaded") throw new Error(`sample not loaded: ${JSON.stringify(loaded)}`)
  return loaded
})

/** Narrows an outcome to the tag expected, failing the test with the whole outcome otherwise. */
export const expectTag = <A extends { readonly _tag: string }, T extends A["_tag"]>(outcome: A, tag: T): Extract<A, { readonly _tag: T }> => {
  if (outcome._tag !== tag) throw new Error(`expected ${tag}, got ${JSON.stringify(outcome).slice(0, 2000)}`)
  return outcome as Extract<A, { readonly _tag: T }>
}
