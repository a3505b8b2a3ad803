import { type Context, Effect, Layer } from "effect"
import { capture, type Held } from "./CapturedServices.js"

/**
 * `layer` built with only the services `tags` name, taken from the context it is given, and in the
 * same memo map as the layers around it (a layer it shares with them, such as the router HTTP
 * groups register their routes on, is still built once).
 *
 * What it is for: HTTP layers capture the context they are built in and copy it per request. A
 * server copies its own context each time the platform adds a service to a request (three times
 * on every request), and a group of endpoints merges its context into each of its requests. Built
 * in baton's full context (≈ 60 services), each such copy cost ≈ 60 map insertions; built with
 * only what they use, ≈ 10. The compiler checks that `tags` cover what `layer` requires, except
 * for a `Context.Reference`: it has a default, so nothing requires it, and one left out is
 * silently replaced by its default. Name every reference the layer's effects read (such as
 * `DropshipPolicy`): it is kept when the context holds it, and required of no one.
 */
export const builtWithOnly = <const Tags extends ReadonlyArray<Context.Tag<any, any>>>(...tags: Tags) =>
<ROut, E>(layer: Layer.Layer<ROut, E, Held<Tags[number]>>): Layer.Layer<ROut, E, Held<Tags[number]>> =>
  Layer.scopedContext(Effect.gen(function*() {
    const own = yield* capture(...tags)
    const build = Layer.buildWithMemoMap(layer, yield* Layer.CurrentMemoMap, yield* Effect.scope)
    return yield* Effect.mapInputContext(build, (_: Context.Context<never>) => own)
  }))
