import { Effect, Either, Option } from "effect"
import { resolve, type StoredSetting } from "../../domain/settings/Setting.js"
import { Settings } from "../../orchestration/settings/Settings.js"

/**
 * Builds the typed `Settings` service from a store's two primitives, so every adapter resolves
 * and decodes values the same way (through the domain's `resolve`).
 */
export const fromStore = (store: Pick<Settings["Type"], "stored" | "put">): Settings["Type"] => {
  // Values resolved from one list of stored settings, by setting and tenant: a store that
  // remembers its rows hands out the same list until a commit changes it, so each value is
  // decoded once (the bearer check reads the idle timeout on every request).
  const resolved = new WeakMap<ReadonlyArray<StoredSetting>, Map<string, unknown>>()
  return Settings.of({
    ...store,
    get: (setting, tenant) =>
      store.stored(Option.fromNullable(tenant)).pipe(
        Effect.flatMap((stored) => {
          const key = `${setting.key}\u0000${tenant ?? ""}`
          const values = resolved.get(stored)
          if (values?.has(key) === true) return Effect.succeed(values.get(key) as typeof setting.default)
          return Either.match(resolve(setting, stored, Option.fromNullable(tenant)), {
            onLeft: Effect.die,
            onRight: (value) => {
              if (values === undefined) resolved.set(stored, new Map([[key, value]]))
              else values.set(key, value)
              return Effect.succeed(value)
            }
          })
        })
      )
  })
}
