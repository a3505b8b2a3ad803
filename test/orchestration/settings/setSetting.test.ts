import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { getSettings } from "../../../src/orchestration/settings/getSettings.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"

const cli = new SystemActor({ component: "cli" })

describe("setSetting", () => {
  it.effect("stores a valid value and records its audit and notification intents", () =>
    Effect.gen(function*() {
      const outcome = yield* setSetting(cli, { key: "auth.session.idleTimeoutMinutes", value: 15 })
      assert.strictEqual(outcome._tag, "SettingUpdated")
      const settings = yield* getSettings(Option.none())
      const idle = settings.find((s) => s.key === "auth.session.idleTimeoutMinutes")
      assert.deepStrictEqual([idle?.value, idle?.source], [15, "platform"])
      const pending = yield* (yield* Outbox).list("pending", 10)
      assert.deepStrictEqual(pending.map((p) => p.entry.destination), ["audit", "log", "webhook"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("rejects an unknown key, a bad value and an override of a platform setting", () =>
    Effect.gen(function*() {
      const unknown = yield* setSetting(cli, { key: "no.such", value: 1 })
      const invalid = yield* setSetting(cli, { key: "auth.session.idleTimeoutMinutes", value: "soon" })
      const override = yield* setSetting(cli, { key: "auth.login.enabled", value: false, tenantId: TenantId.make("t1") })
      assert.deepStrictEqual([unknown._tag, invalid._tag, override._tag], ["UnknownSetting", "InvalidSettingValue", "SettingNotOverridable"])
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
