import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option } from "effect"
import { PlatformDisplayName, SessionIdleTimeoutMinutes, UserRegistrationEnabled } from "../../src/domain/settings/Catalogue.js"
import { InvariantViolation } from "../../src/domain/shared/Defects.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { Settings } from "../../src/orchestration/settings/Settings.js"
import { adapterFamilies } from "../support/Adapters.js"

const acme = TenantId.make("acme")
const globex = TenantId.make("globex")

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Settings contract: ${family.name}`, () => {
    it.live("falls back to the default, then the platform value, then the tenant's override", () =>
      Effect.gen(function*() {
        const settings = yield* Settings
        assert.isTrue(yield* settings.get(UserRegistrationEnabled, acme))
        yield* settings.put(UserRegistrationEnabled.key, Option.none(), false)
        assert.isFalse(yield* settings.get(UserRegistrationEnabled, acme))
        yield* settings.put(UserRegistrationEnabled.key, Option.some(acme), true)
        assert.isTrue(yield* settings.get(UserRegistrationEnabled, acme))
        assert.isFalse(yield* settings.get(UserRegistrationEnabled, globex))
        assert.isFalse(yield* settings.get(UserRegistrationEnabled))
        const stored = yield* settings.stored(Option.some(globex))
        assert.deepStrictEqual(stored.map((s) => [s.key, Option.getOrNull(s.tenantId), s.value]), [
          ["tenants.registration.enabled", null, false]
        ])
      }).pipe(Effect.provide(family.layer)))

    it.live("replaces a value and round-trips strings and numbers", () =>
      Effect.gen(function*() {
        const settings = yield* Settings
        yield* settings.put(SessionIdleTimeoutMinutes.key, Option.none(), 10)
        // read twice (a remembering store answers the second from memory), then replaced: the new value
        assert.strictEqual(yield* settings.get(SessionIdleTimeoutMinutes), 10)
        assert.strictEqual(yield* settings.get(SessionIdleTimeoutMinutes), 10)
        yield* settings.put(SessionIdleTimeoutMinutes.key, Option.none(), 20)
        yield* settings.put(PlatformDisplayName.key, Option.none(), "Acme \"Ops\" ✓")
        assert.strictEqual(yield* settings.get(SessionIdleTimeoutMinutes), 20)
        assert.strictEqual(yield* settings.get(PlatformDisplayName), "Acme \"Ops\" ✓")
      }).pipe(Effect.provide(family.layer)))

    it.live("reports a stored value that no longer decodes as an invariant violation", () =>
      Effect.gen(function*() {
        const settings = yield* Settings
        yield* settings.put(SessionIdleTimeoutMinutes.key, Option.none(), "soon")
        const exit = yield* Effect.exit(settings.get(SessionIdleTimeoutMinutes))
        assert.isTrue(Exit.isFailure(exit))
        const defect = Exit.isFailure(exit) ? Option.getOrNull(Cause.dieOption(exit.cause)) : null
        assert.instanceOf(defect, InvariantViolation)
        assert.include((defect as InvariantViolation).message, "auth.session.idleTimeoutMinutes")
      }).pipe(Effect.provide(family.layer)))
  })
}
