import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { JobView, type JobId } from "../../domain/modules/InstallationJob.js"
import { InstalledModules } from "../../domain/modules/InstallationOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { authorizeJob, isJob } from "./authorizeJob.js"
import { Installations } from "./Installations.js"

/** A job with its history (state, progress, error). `JobView | NotFound`, or a refusal. */
export const getJob = fn("Modules.getJob")(function*(actor: Actor, jobId: JobId) {
  const job = yield* authorizeJob(actor, "modules.read", jobId)
  if (!isJob(job)) return job
  return new JobView({ job, history: yield* (yield* Installations).history(jobId) })
})

/** The modules installed in a tenant, with their versions and status. `InstalledModules`, or a refusal. */
export const listInstalled = fn("Modules.listInstalled")(function*(actor: Actor, tenantId: TenantId) {
  const refused = yield* authorize(actor, "modules.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  return new InstalledModules({ modules: yield* (yield* Installations).installed(tenantId) })
})
