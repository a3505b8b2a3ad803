import { Option } from "effect"
import type { Ability } from "../../domain/access/Ability.js"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { InstallationJob, JobId } from "../../domain/modules/InstallationJob.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuthorizationResolver } from "../access/AuthorizationResolver.js"
import { authorize, type Refusal } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Installations } from "./Installations.js"

/**
 * The job, if the actor may exercise `ability` in its tenant. An actor that holds the ability
 * nowhere is refused before the job is looked up (so it learns nothing of other tenants' jobs).
 */
export const authorizeJob = fn("Modules.authorizeJob")(function*(actor: Actor, ability: Ability, jobId: JobId) {
  const reach = yield* (yield* AuthorizationResolver).reach(actor, ability)
  if (reach._tag === "Tenants" && reach.tenants.length === 0) {
    const refused = yield* authorize(actor, ability, AccessScope.platform)
    if (Option.isSome(refused)) return refused.value
  }
  const job = yield* (yield* Installations).find(jobId)
  if (Option.isNone(job)) return new NotFound({ entity: "installation job", id: jobId })
  const refused = yield* authorize(actor, ability, AccessScope.tenant(job.value.tenantId))
  return Option.getOrElse(refused, (): Refusal | InstallationJob => job.value)
})

/** Whether `authorizeJob` answered with the job. */
export const isJob = (value: { readonly _tag?: string } | InstallationJob): value is InstallationJob => !("_tag" in value)
