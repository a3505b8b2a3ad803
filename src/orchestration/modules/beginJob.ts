import { DateTime, Option } from "effect"
import { expectedOf, moved } from "../../domain/modules/JobTransitions.js"
import { fn } from "../shared/Fn.js"
import { Installations } from "./Installations.js"
import { jobOf, type Run } from "./InstallationRun.js"
import { mustMove } from "./jobIntents.js"

/** The saga's first step: a new installation goes Pending → Validating (other operations are running already). */
export const beginJob = fn("Modules.beginJob")(function*(run: Run) {
  const job = yield* jobOf(run)
  if (job.state !== "Pending") return
  const now = yield* DateTime.now
  const begun = yield* mustMove(moved(job, "begin", now, { stepLabel: "validating", startedAt: Option.orElse(job.startedAt, () => Option.some(now)) }))
  yield* (yield* Installations).save(begun, expectedOf(job), Option.none())
})
