import { Context, Effect } from "effect"

/** The services of `tags`, taken from the context a layer is built in, to run its effects with later (`withServices`). */
export const capture = <const Tags extends ReadonlyArray<Context.Tag<any, any>>>(...tags: Tags) =>
  Effect.map(Effect.context<Context.Tag.Identifier<Tags[number]>>(), Context.pick(...tags))

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
