import { Context, type Effect } from "effect"
import type { LandlordMigration, Setup, Teardown, TenantMigration } from "../../domain/modules/Plan.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** The steps of a plan that run a module's own code. */
export type ModuleStep = LandlordMigration | TenantMigration | Setup | Teardown

/**
 * Runs modules' code, declared by the host program: landlord migrations against the platform's
 * storage, tenant migrations, setup and teardown against the tenant's. Each step runs in one
 * transaction with its entry in a ledger (the platform's for landlord steps, the tenant's own for
 * tenant steps), so a step already applied is skipped and a `down` of a step never applied does
 * nothing: every step may be run again. A failure of the module's code is an infrastructure
 * failure of the step.
 */
export class ModuleSteps extends Context.Tag("baton/modules/ModuleSteps")<ModuleSteps, {
  readonly run: (tenantId: TenantId, step: ModuleStep) => Effect.Effect<void, RepositoryError>
}>() {}
