import { Option } from "effect"
import type { InstallationJob } from "../../domain/modules/InstallationJob.js"

/** One line of progress: `[#####.....]  3/7  Installing  tenant migration …`, with the error once there is one. */
export const render = (job: InstallationJob, width = 24): string => {
  const done = job.steps === 0 ? 0 : Math.min(width, Math.round((job.step / job.steps) * width))
  const bar = `[${"#".repeat(done)}${".".repeat(width - done)}]`
  const state = job.queued ? `${job.state} (queued)` : job.state
  const error = Option.match(job.error, { onNone: () => "", onSome: (e) => `  error: ${e}` })
  return `${bar} ${String(job.step).padStart(2)}/${job.steps}  ${state.padEnd(20)} ${job.stepLabel}${error}`
}
