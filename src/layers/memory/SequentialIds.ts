import { Effect, Layer, Ref } from "effect"
import { Ids } from "../../orchestration/shared/Ids.js"

/** Predictable ids for tests: `id-000001`, `id-000002`, … (they sort in creation order). */
export const make = Effect.map(Ref.make(0), (counter) =>
  Ids.of({ next: Ref.updateAndGet(counter, (n) => n + 1).pipe(Effect.map((n) => `id-${String(n).padStart(6, "0")}`)) }))

export const layer: Layer.Layer<Ids> = Layer.effect(Ids, make)
