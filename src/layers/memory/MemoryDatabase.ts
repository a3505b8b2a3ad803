import { Context, Effect, Exit, FiberRef, Layer, Ref } from "effect"

/** A named piece of in-memory state, holding an immutable value. */
export interface MemoryTable<A> {
  readonly get: Effect.Effect<A>
  readonly update: (f: (a: A) => A) => Effect.Effect<void>
  readonly modify: <B>(f: (a: A) => readonly [B, A]) => Effect.Effect<B>
}

/**
 * The state behind the memory adapters, with transactions: a unit of work takes a snapshot of
 * every table and restores it if it fails, so memory layers roll back like SQL ones. Units of
 * work are serialised (one at a time); nested ones restore only their own part on failure.
 * Tables must hold immutable values (copy on write) for snapshots to be cheap and correct.
 */
export class MemoryDatabase extends Context.Tag("baton/layers/memory/MemoryDatabase")<MemoryDatabase, {
  readonly table: <A>(name: string, initial: A) => MemoryTable<A>
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}>() {}

const inTransaction = FiberRef.unsafeMake(false)

export const make = Effect.gen(function*() {
  const tables = new Map<string, Ref.Ref<unknown>>()
  const lock = yield* Effect.makeSemaphore(1)

  const table = <A>(name: string, initial: A): MemoryTable<A> => {
    const existing = tables.get(name)
    const ref = (existing ?? Ref.unsafeMake<unknown>(initial)) as Ref.Ref<A>
    if (existing === undefined) tables.set(name, ref as Ref.Ref<unknown>)
    return { get: Ref.get(ref), update: (f) => Ref.update(ref, f), modify: (f) => Ref.modify(ref, (a) => [...f(a)]) }
  }

  const snapshot = Effect.sync(() => [...tables].map(([name, ref]) => [ref, Ref.get(ref)] as const)).pipe(
    Effect.flatMap((refs) => Effect.forEach(refs, ([ref, get]) => Effect.map(get, (value) => [ref, value] as const)))
  )
  const restore = (saved: ReadonlyArray<readonly [Ref.Ref<unknown>, unknown]>) =>
    Effect.forEach(saved, ([ref, value]) => Ref.set(ref, value), { discard: true })

  const unitOfWork = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.uninterruptibleMask((restoreInterruption) =>
      Effect.flatMap(snapshot, (saved) =>
        restoreInterruption(effect).pipe(
          Effect.onExit((exit) => (Exit.isSuccess(exit) ? Effect.void : restore(saved))),
          Effect.locally(inTransaction, true)
        ))
    )

  return MemoryDatabase.of({
    table,
    withTransaction: (effect) =>
      Effect.flatMap(FiberRef.get(inTransaction), (nested) =>
        nested ? unitOfWork(effect) : lock.withPermits(1)(unitOfWork(effect)))
  })
})

export const layer: Layer.Layer<MemoryDatabase> = Layer.effect(MemoryDatabase, make)
