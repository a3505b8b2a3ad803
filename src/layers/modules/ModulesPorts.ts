import type * as SqlClient from "@effect/sql/SqlClient"
import { Layer } from "effect"
import type { DigitalCards } from "../../orchestration/digitalcards/DigitalCards.js"
import type { Entitlements } from "../../orchestration/modules/Entitlements.js"
import type { InstallationSignal } from "../../orchestration/modules/InstallationSignal.js"
import type { Installations } from "../../orchestration/modules/Installations.js"
import type { ModuleCatalogue } from "../../orchestration/modules/ModuleCatalogue.js"
import type { ModuleRegistry } from "../../orchestration/modules/ModuleRegistry.js"
import type { ModuleSteps } from "../../orchestration/modules/ModuleSteps.js"
import type { TenantStorage } from "../../orchestration/modules/TenantStorage.js"
import * as MemoryInstallations from "../memory/MemoryInstallations.js"
import type { MemoryDatabase } from "../memory/MemoryDatabase.js"
import * as MemoryModuleRegistry from "../memory/MemoryModuleRegistry.js"
import * as SqlInstallations from "../sql/SqlInstallations.js"
import * as SqlModuleRegistry from "../sql/SqlModuleRegistry.js"
import * as BreakerEntitlements from "./BreakerEntitlements.js"
import * as CodeModuleCatalogue from "./CodeModuleCatalogue.js"
import * as InProcessInstallationSignal from "./InProcessInstallationSignal.js"
import * as MemoryTenantStorage from "./MemoryTenantStorage.js"
import * as SqlModuleSteps from "./SqlModuleSteps.js"
import * as SqlTenantStorage from "./SqlTenantStorage.js"
import * as TenantDatabases from "./TenantDatabases.js"
import * as TenantDigitalCards from "./TenantDigitalCards.js"

/** The ports of the modules context (and of DigitalCard, its first module). */
export type Ports =
  | ModuleCatalogue
  | ModuleRegistry
  | Installations
  | TenantStorage
  | ModuleSteps
  | Entitlements
  | InstallationSignal
  | DigitalCards

/**
 * Entitlements behind the circuit breaker, asked of the `SubscriptionService` provided (every
 * entitlement granted when none is).
 */
const shared = Layer.mergeAll(CodeModuleCatalogue.layer, InProcessInstallationSignal.layer, BreakerEntitlements.layer())

/** Over one SQL client: the platform's tables in it, each tenant's storage beside it (schema or file). */
export const sql: Layer.Layer<Ports, never, SqlClient.SqlClient> = Layer.mergeAll(
  shared,
  SqlModuleRegistry.layer,
  SqlInstallations.layer,
  Layer.mergeAll(SqlTenantStorage.layer, SqlModuleSteps.layer, TenantDigitalCards.layer).pipe(Layer.provide(TenantDatabases.layer))
)

/** In memory: the platform's records in `MemoryDatabase`, each tenant's storage an in-memory SQLite database. */
export const memory: Layer.Layer<Ports, never, MemoryDatabase> = Layer.mergeAll(
  shared,
  MemoryModuleRegistry.layer,
  MemoryInstallations.layer,
  Layer.mergeAll(MemoryTenantStorage.layer, SqlModuleSteps.layerMemory, TenantDigitalCards.layer).pipe(Layer.provide(TenantDatabases.layerMemory))
)
