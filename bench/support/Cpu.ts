import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { setTimeout as sleep } from "node:timers/promises"

const utimeField = 11
const stimeField = 12

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim())
  } catch {
    return Number.NaN
  }
})()

const readProc = (path: string) => {
  try {
    return readFileSync(path, "utf8")
  } catch {
    return undefined
  }
}

/** CPU seconds (user + system) a process has used so far, from `/proc` (Linux); `NaN` elsewhere. */
export const processCpuSeconds = (pid: number): number => {
  const stat = readProc(`/proc/${pid}/stat`)
  if (stat === undefined) return Number.NaN
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[utimeField]) + Number(fields[stimeField])) / clockTicksPerSecond
}

/** CPU seconds each thread of process `pid` has used so far, with the thread's name. */
export const threadCpuSeconds = (pid: number): ReadonlyArray<{ readonly thread: string; readonly seconds: number }> => {
  const tasks = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`)
    } catch {
      return []
    }
  })()
  return tasks.flatMap((task) => {
    const stat = readProc(`/proc/${pid}/task/${task}/stat`)
    if (stat === undefined) return []
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const thread = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))
    return [{ thread, seconds: (Number(fields[utimeField]) + Number(fields[stimeField])) / clockTicksPerSecond }]
  })
}

/** CPU seconds every process on the machine has used so far (all cores, idle and I/O wait excluded). */
export const machineCpuSeconds = (): number => {
  const line = readProc("/proc/stat")?.split("\n")[0]
  if (line === undefined) return Number.NaN
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number)
  return (user + nice + system + irq + softirq + steal) / clockTicksPerSecond
}

/** CPU seconds this process (the load generator) has used so far. */
export const ownCpuSeconds = (): number => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

/** Waits until the whole machine uses less than `threshold` of one core over a second, for at most `maxWaitMs`; tells whether it did. */
export const waitForQuiet = async (threshold = 0.25, maxWaitMs = 60_000): Promise<boolean> => {
  const deadline = Date.now() + maxWaitMs
  while (Date.now() < deadline) {
    const before = machineCpuSeconds()
    await sleep(1_000)
    if (machineCpuSeconds() - before < threshold) return true
  }
  return false
}
