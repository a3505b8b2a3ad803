import { Metric } from "effect"
import { inFlight, JobState } from "../../domain/modules/InstallationJob.js"
import { fn } from "../shared/Fn.js"
import { Installations } from "./Installations.js"
import * as ModuleMetrics from "./ModuleMetrics.js"

/** Counts the jobs per state (and the backlog: queued or running) into their gauges. */
export const observeModules = fn("Modules.observe")(function*() {
  const { byState, queued } = yield* (yield* Installations).counts
  for (const state of JobState.literals) yield* Metric.set(Metric.tagged(ModuleMetrics.jobs, "state", state), byState.get(state) ?? 0)
  const backlog = inFlight.reduce((sum, state) => sum + (byState.get(state) ?? 0), 0)
  yield* Metric.set(ModuleMetrics.backlog, backlog)
  yield* Metric.set(ModuleMetrics.inFlight, Math.max(0, backlog - queued))
})
