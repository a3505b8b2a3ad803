import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import type { JobId } from "../../../src/domain/modules/InstallationJob.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { Installations } from "../../../src/orchestration/modules/Installations.js"
import { requestUninstall, requestUpgrade } from "../../../src/orchestration/modules/requestChange.js"
import { retryJob } from "../../../src/orchestration/modules/retryJob.js"
import { clearStrikes, faults, issueCard, strike, tenantState } from "../../support/ModuleFaults.js"
import { awaitSettled, createTenant, install, modulesFamilies, operator, publish, publishShipped } from "../../support/Modules.js"

const acme = "acme"

/** Fails step k of each attempt in turn (k = 1..steps), then lets the operation through; each failure must leave the tenant as before. */
const everyStep = <R>(steps: number, attempt: (k: number) => Effect.Effect<JobId, unknown, R>, expectedAfterFailure: string) =>
  Effect.gen(function*() {
    for (let k = 1; k <= steps; k++) {
      const before = yield* tenantState(acme)
      Object.assign(strike, { tenant: acme, step: k })
      const job = yield* awaitSettled(yield* attempt(k))
      assert.strictEqual(job.state, expectedAfterFailure, `failure at step ${k}: ${job.stepLabel}`)
      assert.include(Option.getOrElse(job.error, () => ""), "injected failure", `step ${k}`)
      assert.deepStrictEqual(yield* tenantState(acme), before, `failure at step ${k} left the tenant as before`)
      const states = (yield* (yield* Installations).history(job.id)).map((e) => e.state)
      assert.include(states, "RollingBack", `step ${k} rolled back`)
    }
    clearStrikes()
  })

const jobOf = (outcome: { readonly _tag: string }) =>
  outcome._tag === "InstallationAccepted" && "job" in outcome ? Effect.succeed((outcome.job as { readonly id: JobId }).id) : Effect.dieMessage(JSON.stringify(outcome))

for (const family of modulesFamilies) {
  describe.skipIf(family.skip)(`installation saga, fault injection: ${family.name}`, () => {
    it.live("a failure at any step of an installation leaves the tenant exactly as before and the job Failed; a retry then installs", () =>
      Effect.gen(function*() {
        clearStrikes()
        yield* publishShipped
        yield* createTenant(acme)
        let first = "" as JobId
        yield* everyStep(7, (k) => (k === 1 ? Effect.tap(install(acme, "DigitalCard"), (id) => (first = id)) : Effect.flatMap(retryJob(operator, first), jobOf)), "Failed")
        const done = yield* awaitSettled(yield* Effect.flatMap(retryJob(operator, first), jobOf))
        assert.deepStrictEqual([done.state, done.attempt, done.step, done.steps], ["Active", 8, 7, 7])
        assert.deepStrictEqual((yield* tenantState(acme)).installed, ["Contacts@1.0.0:active", "DigitalCard@1.0.0:active"])
      }).pipe(Effect.provide(family.layer(undefined, faults))), 60_000)

    it.live("with data in the tenant: failures installing Loyalty, upgrading and uninstalling DigitalCard each leave it as before", () =>
      Effect.gen(function*() {
        clearStrikes()
        yield* publishShipped
        yield* publish(["DigitalCard", "1.1.0"])
        yield* createTenant(acme)
        yield* awaitSettled(yield* install(acme, "DigitalCard", "~1.0.0"))
        yield* issueCard(acme, 1)
        yield* issueCard(acme, 2)

        let loyalty = "" as JobId
        yield* everyStep(5, (k) => (k === 1 ? Effect.tap(install(acme, "Loyalty"), (id) => (loyalty = id)) : Effect.flatMap(retryJob(operator, loyalty), jobOf)), "Failed")

        const upgrade = () => Effect.flatMap(requestUpgrade(operator, { tenantId: TenantId.make(acme), module: "DigitalCard", range: "^1.1.0" }), jobOf)
        yield* everyStep(3, upgrade, "Active")
        const upgraded = yield* awaitSettled(yield* upgrade())
        assert.deepStrictEqual([upgraded.state, upgraded.version], ["Active", "1.1.0"])
        const cards = (yield* tenantState(acme)).snapshot.tables.find((t) => t.name === "digital_cards")
        assert.include(cards?.columns ?? [], "notes")
        assert.strictEqual(cards?.rows.length, 2, "the cards survived the upgrade")

        const uninstall = () => Effect.flatMap(requestUninstall(operator, { tenantId: TenantId.make(acme), module: "DigitalCard", range: "*" }), jobOf)
        yield* everyStep(5, uninstall, "Active")
        const removed = yield* awaitSettled(yield* uninstall())
        assert.strictEqual(removed.state, "Uninstalled")
        const after = yield* tenantState(acme)
        assert.deepStrictEqual(after.snapshot.tables.map((t) => t.name), ["contacts"])
        assert.deepStrictEqual(after.installed, ["Contacts@1.0.0:active"])
      }).pipe(Effect.provide(family.layer(undefined, faults))), 90_000)
  })
}
