import { DateTime, Effect, Layer, Option } from "effect"
import { CardId, TemplateId } from "../../src/domain/digitalcards/DigitalCard.js"
import { Email } from "../../src/domain/identity/Email.js"
import { isRunning } from "../../src/domain/modules/JobTransitions.js"
import { labelOf } from "../../src/domain/modules/Plan.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { DigitalCards } from "../../src/orchestration/digitalcards/DigitalCards.js"
import { Installations } from "../../src/orchestration/modules/Installations.js"
import { ModuleSteps } from "../../src/orchestration/modules/ModuleSteps.js"
import { TenantStorage } from "../../src/orchestration/modules/TenantStorage.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import type { Faults } from "./Modules.js"

/**
 * Where the injected failures strike: the commit of step `step` of a job of `tenant` (the step's
 * effect and its progress roll back together, or — on SQLite — the tenant's commit survives and
 * the job's record does not), and every run of the undo labelled `undo`. Set per test.
 */
export const strike = { tenant: "", step: 0, undo: "", attemptsAtStep: 0 }

export const clearStrikes = () => Object.assign(strike, { tenant: "", step: 0, undo: "", attemptsAtStep: 0 })

const injected = (operation: string) => new RepositoryError({ operation, cause: new Error("injected failure") })

/** The saga's ports, failing where `strike` says. */
export const faults: Faults<Installations | ModuleSteps> = Layer.mergeAll(
  Layer.effect(
    Installations,
    Effect.map(Installations, (real) =>
      Installations.of({
        ...real,
        save: (job, expected, detail) =>
          job.tenantId === strike.tenant && job.step === strike.step && !job.stepLabel.startsWith("undone") &&
            (isRunning(job.state) || job.state === "Active" || job.state === "Uninstalled")
            ? Effect.sync(() => strike.attemptsAtStep++).pipe(Effect.zipRight(Effect.fail(injected("Installations.save"))))
            : real.save(job, expected, detail)
      }))
  ),
  Layer.effect(
    ModuleSteps,
    Effect.map(ModuleSteps, (real) =>
      ModuleSteps.of({
        run: (tenantId, step) => (tenantId === strike.tenant && labelOf(step) === strike.undo ? Effect.fail(injected("ModuleSteps.run")) : real.run(tenantId, step))
      }))
  )
)

/** The tenant's state as the tests compare it: its storage (schema, rows, ledger), its installed modules, its lock. */
export const tenantState = (tenant: string) =>
  Effect.gen(function*() {
    const tenantId = TenantId.make(tenant)
    const installations = yield* Installations
    const snapshot = yield* (yield* TenantStorage).snapshot(tenantId)
    const installed = (yield* installations.installed(tenantId)).map((m) => `${m.name}@${m.version}:${m.status}`)
    const lock = yield* installations.lockHolder(tenantId)
    return { snapshot, installed, locked: Option.isSome(lock) }
  })

/** Issues a card in the tenant (directly through the port: arranging data, not exercising the module's rules). */
export const issueCard = (tenant: string, n: number) =>
  Effect.gen(function*() {
    const cards = yield* DigitalCards
    return yield* cards.issue(TenantId.make(tenant), {
      id: CardId.make(`card-${n}`),
      templateId: TemplateId.make("standard"),
      holderName: `Holder ${n}`,
      holderEmail: Email.make(`holder${n}@example.com`),
      contactId: `contact-${n}`,
      issuedAt: yield* DateTime.now
    })
  })
