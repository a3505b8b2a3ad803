import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { Installations } from "../../../src/orchestration/modules/Installations.js"
import { TenantStorage } from "../../../src/orchestration/modules/TenantStorage.js"
import { awaitSettled, createTenant, install, modulesFamilies, publishShipped } from "../../support/Modules.js"

for (const family of modulesFamilies) {
  describe.skipIf(family.skip)(`smoke: ${family.name}`, () => {
    it.live("installs DigitalCard with Contacts", () =>
      Effect.gen(function*() {
        yield* publishShipped
        yield* createTenant("acme")
        const id = yield* install("acme", "DigitalCard")
        const job = yield* awaitSettled(id)
        const history = yield* (yield* Installations).history(id)
        console.log(job.state, job.error, history.map((h) => `${h.state} ${h.step}/${h.steps} ${h.label}`))
        assert.strictEqual(job.state, "Active")
        const snapshot = yield* (yield* TenantStorage).snapshot(TenantId.make("acme"))
        console.log(snapshot.tables.map((t) => t.name), snapshot.ledger)
      }).pipe(Effect.provide(family.layer())), 30_000)
  })
}
