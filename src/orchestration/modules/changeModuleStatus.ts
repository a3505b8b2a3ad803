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
import { fn } from "../shared/Fn.js"
import type { RepositoryError } from "../shared/RepositoryError.js"
import { Transactions } from "../shared/Transactions.js"
import { ModuleRegistry } from "./ModuleRegistry.js"

/** The entry, if it exists and may move to `to`; otherwise what refuses it. */
const movable = (
  name: string,
  version: string,
  to: "Published" | "Deprecated"
): Effect.Effect<Either.Either<RegisteredModule, NotFound | InvalidRegistryTransition | UnpublishedDependency>, RepositoryError, ModuleRegistry> =>
  Effect.gen(function*() {
    const registry = yield* ModuleRegistry
    const entry = yield* registry.find(name, version)
    if (Option.isNone(entry)) return Either.left(new NotFound({ entity: "module", id: moduleRef(name, version) }))
    const allowed = registryTransition(entry.value, to)
    if (Either.isLeft(allowed)) return Either.left(allowed.left)
    const blocked = to === "Published" ? missingDependency(entry.value.manifest, yield* registry.list()) : Either.void
    return Either.isLeft(blocked) ? Either.left(blocked.left) : Either.right(new RegisteredModule({ ...entry.value, status: to, changedAt: yield* DateTime.now }))
  })

/** Writes the new status with its audit record; a refusal is audited too. */
const apply = <A extends { readonly _tag: string }>(actor: Actor, name: string, version: string, to: "Published" | "Deprecated", outcome: (entry: RegisteredModule) => A) =>
  Effect.gen(function*() {
    const intent = (tag: string) =>
      new AuditIntent({ action: "modules.publish", actor, outcome: tag, target: new AuditTarget({ type: "module", id: moduleRef(name, version) }) })
    const changed = yield* movable(name, version, to)
    if (Either.isLeft(changed)) return yield* Effect.as((yield* AuditTrail).record(intent(changed.left._tag)), changed.left)
    return yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
      yield* (yield* ModuleRegistry).setStatus(name, version, to, changed.right.changedAt)
      yield* (yield* AuditTrail).record(intent(to === "Published" ? "ModulePublished" : "ModuleDeprecated"))
      return outcome(changed.right)
    }))
  })

/** Publishes a Draft (its dependencies must be published in range). `ModulePublished | NotFound | InvalidRegistryTransition | UnpublishedDependency`, or a refusal. */
export const publishModule = fn("Modules.publishModule")(function*(actor: Actor, name: string, version: string) {
  const refused = yield* authorize(actor, "modules.publish", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  return yield* apply(actor, name, version, "Published", (module) => new ModulePublished({ module }))
})

/** Deprecates a published version. `ModuleDeprecated | NotFound | InvalidRegistryTransition`, or a refusal. */
export const deprecateModule = fn("Modules.deprecateModule")(function*(actor: Actor, name: string, version: string) {
  const refused = yield* authorize(actor, "modules.publish", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const outcome = yield* apply(actor, name, version, "Deprecated", (module) => new ModuleDeprecated({ module }))
  return outcome._tag === "UnpublishedDependency" ? yield* Effect.dieMessage("a deprecation never waits for dependencies") : outcome
})
