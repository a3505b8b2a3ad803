import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { moduleRef, RegisteredModule } from "../../domain/modules/Module.js"
import {
  type InvalidRegistryTransition,
  missingDependency,
  ModuleDeprecated,
  ModulePublished,
  registryTransition,
  type UnpublishedDependency
} from "../../domain/modules/RegistryOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Transactions } from "../shared/Transactions.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

/**
 * Moves a registry entry to Published (its dependencies must be published in range) or Deprecated.
 * `ModulePublished | ModuleDeprecated | NotFound | InvalidRegistryTransition | UnpublishedDependency`, or a refusal.
 */
const changeStatus = (to: "Published" | "Deprecated") =>
  Effect.fn(`Modules.${to === "Published" ? "publish" : "deprecate"}Module`)(function*(actor: Actor, name: string, version: string) {
    const refused = yield* authorize(actor, "modules.publish", AccessScope.platform)
    if (Option.isSome(refused)) return refused.value
    const registry = yield* ModuleRegistry
    const entry = yield* registry.find(name, version)
    if (Option.isNone(entry)) return new NotFound({ entity: "module", id: moduleRef(name, version) })
    const allowed = registryTransition(entry.value, to)
    const blocked = to === "Published" ? missingDependency(entry.value.manifest, yield* registry.list()) : Either.void
    const refusal: Option.Option<InvalidRegistryTransition | UnpublishedDependency> = Either.isLeft(allowed)
      ? Option.some(allowed.left)
      : Either.isLeft(blocked) ? Option.some(blocked.left) : Option.none()
    const changed = new RegisteredModule({ ...entry.value, status: to, changedAt: yield* DateTime.now })
    const intent = (outcome: string) =>
      new AuditIntent({ action: "modules.publish", actor, outcome, target: new AuditTarget({ type: "module", id: moduleRef(name, version) }) })
    if (Option.isSome(refusal)) return yield* Effect.as((yield* AuditTrail).record(intent(refusal.value._tag)), refusal.value)
    return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
      yield* registry.setStatus(name, version, to, changed.changedAt)
      const outcome = to === "Published" ? new ModulePublished({ module: changed }) : new ModuleDeprecated({ module: changed })
      yield* (yield* AuditTrail).record(intent(outcome._tag))
      return outcome
    }))
  })

export const publishModule = changeStatus("Published")
export const deprecateModule = changeStatus("Deprecated")
