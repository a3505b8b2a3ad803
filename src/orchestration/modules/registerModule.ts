import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { moduleRef, RegisteredModule } from "../../domain/modules/Module.js"
import { DuplicateModule, InvalidSemver, ModuleRegistered, validateRegistration } from "../../domain/modules/RegistryOutcomes.js"
import { isVersion } from "../../domain/modules/Semver.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { ModuleCatalogue } from "./ModuleCatalogue.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

/**
 * Registers a module version the program declares, as a Draft. `ModuleRegistered | InvalidSemver |
 * NotFound (no such declaration) | DuplicateModule | UnpublishedDependency`, or a refusal.
 */
export const registerModule = fn("Modules.registerModule")(function*(actor: Actor, input: { readonly name: string; readonly version: string }) {
  const refused = yield* authorize(actor, "modules.register", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const auditTrail = yield* AuditTrail
  const record = (outcome: string, reason?: string) =>
    auditTrail.record(
      new AuditIntent({
        action: "modules.register",
        actor,
        outcome,
        target: new AuditTarget({ type: "module", id: moduleRef(input.name, input.version) }),
        ...(reason === undefined ? {} : { reason })
      })
    )
  if (!isVersion(input.version)) return yield* Effect.as(record("InvalidSemver"), new InvalidSemver({ field: "version", value: input.version }))
  const manifest = yield* (yield* ModuleCatalogue).find(input.name, input.version)
  if (Option.isNone(manifest)) return yield* Effect.as(record("NotFound", "no such module in the program"), new NotFound({ entity: "module", id: moduleRef(input.name, input.version) }))
  const registry = yield* ModuleRegistry
  const valid = validateRegistration(manifest.value, yield* registry.list())
  if (Either.isLeft(valid)) return yield* Effect.as(record(valid.left._tag), valid.left)
  const now = yield* DateTime.now
  const entry = new RegisteredModule({ manifest: manifest.value, status: "Draft", registeredAt: now, changedAt: now })
  return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    if (!(yield* registry.add(entry))) return new DuplicateModule({ name: input.name, version: input.version })
    yield* record("ModuleRegistered")
    return new ModuleRegistered({ module: entry })
  }))
})
