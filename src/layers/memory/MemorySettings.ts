import { Effect, Layer, Option } from "effect"
import { StoredSetting } from "../../domain/settings/Setting.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { fromStore } from "../settings/SettingsStore.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

const keyOf = (key: string, tenant: Option.Option<string>) => `${key}\u0000${Option.getOrElse(tenant, () => "")}`

export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table("settings", new Map<string, StoredSetting>() as ReadonlyMap<string, StoredSetting>)
  return fromStore({
    stored: (tenant) =>
      Effect.map(rows.get, (all) =>
        [...all.values()].filter((row) =>
          Option.match(row.tenantId, { onNone: () => true, onSome: (id) => Option.contains(tenant, id) })
        )),
    put: (key, tenantId, value) =>
      rows.update((all) => new Map(all).set(keyOf(key, tenantId), new StoredSetting({ key, tenantId, value })))
  })
})

export const layer: Layer.Layer<Settings, never, MemoryDatabase> = Layer.effect(Settings, make)
