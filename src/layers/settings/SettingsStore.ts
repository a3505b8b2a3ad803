import { Effect, Either, Option } from "effect"
import { resolve } from "../../domain/settings/Setting.js"
import { Settings } from "../../orchestration/settings/Settings.js"

/**
 * Builds the typed `Settings` service from a store's two primitives, so every adapter resolves
 * and decodes values the same way (through the domain's `resolve`).
 */
export const fromStore = (store: Pick<Settings["Type"], "stored" | "put">): Settings["Type"] =>
  Settings.of({
    ...store,
    get: (setting, tenant) =>
      store.stored(Option.fromNullable(tenant)).pipe(
        Effect.flatMap((stored) =>
          Either.match(resolve(setting, stored, Option.fromNullable(tenant)), {
            onLeft: Effect.die,
            onRight: Effect.succeed
          })
        )
      )
  })
