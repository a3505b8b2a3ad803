import { Context, Effect } from "effect"

/** The service a tag names, when a context must hold it: a `Context.Reference` has a default. */
export type Held<T extends Context.Tag<any, any>> = T extends { readonly defaultValue: () => unknown } ? never : Context.Tag.Identifier<T>

/**
 * The services of `tags`, taken from the context a layer is built in, to run its effects with
 * later (`withServices`, `builtWithOnly`). A reference is taken when the context holds it, and
 * required of no one.
 */
export const capture = <const Tags extends ReadonlyArray<Context.Tag<any, any>>>(...tags: Tags): Effect.Effect<Context.Context<Held<Tags[number]>>, never, Held<Tags[number]>> =>
  Effect.map(Effect.context<Held<Tags[number]>>(), Context.pick(...tags))

/**
 * Runs `effect` with `services` a layer captured when it was built, provided only when the
 * running fiber's context does not already hold each of them (the very instance). In baton's own
 * server and outbox dispatcher it does: a provide would copy the fiber's ≈ 60 services and open a
 * fiber-local scope on every request or delivery for nothing. A host that composes baton's layers
 * so that its fibers lack them gets them provided.
 */
export const withServices = <S>(services: Context.Context<S>) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, S>> =>
  Effect.withFiberRuntime((fiber) => {
    const current = fiber.currentContext.unsafeMap
    for (const [key, service] of services.unsafeMap) {
      if (current.get(key) !== service) return Effect.provide(effect, services)
    }
    return effect as Effect.Effect<A, E, Exclude<R, S>>
  })
