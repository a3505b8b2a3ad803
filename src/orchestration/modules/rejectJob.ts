import { DateTime, Either, Option } from "effect"
import type { InstallationJob } from "../../domain/modules/InstallationJob.js"
import { describeOutcome } from "../../domain/modules/JobPlanning.js"
import { moved } from "../../domain/modules/JobTransitions.js"
import { fn } from "../shared/Fn.js"
import { Settled } from "./InstallationRun.js"
import { mustMove } from "./jobIntents.js"
import { settle } from "./settleJob.js"

/**
 * Ends a run at validation. Refused: a new installation goes Validating → Failed; a retry, an
 * upgrade or an uninstall rolls back (nothing was done) to Failed or Active; the refusal is the
 * job's error. `adopted`: the module was installed meanwhile as this job's: it is Active.
 */
export const rejectJob = fn("Modules.rejectJob")(function*(job: InstallationJob, outcome: { readonly _tag: string }, adopted = false) {
  const now = yield* DateTime.now
  const error = Option.some(describeOutcome(outcome))
  const label = adopted ? "already installed as a dependency" : `refused: ${outcome._tag}`
  const final = adopted
    ? Either.flatMap(moved(job, "validated", now, { stepLabel: label }), (v) => moved(v, "completed", now))
    : job.state === "Validating"
    ? moved(job, "rejected", now, { error, stepLabel: label })
    : Either.flatMap(moved(job, "stepFailed", now, { error, stepLabel: label }), (f) => moved(f, "rolledBack", now))
  const settled = yield* mustMove(final)
  yield* settle(job, settled, adopted ? Option.some(label) : error)
  return new Settled({ state: settled.state })
})
