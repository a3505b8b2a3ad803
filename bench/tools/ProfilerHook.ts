import { writeFileSync } from "node:fs"
import { Session } from "node:inspector"

const samplingIntervalMicros = 250
const output = process.env["BENCH_PROFILE_FILE"] ?? "bench.cpuprofile"

const session = new Session()
session.connect()
let profiling = false

const start = () =>
  session.post("Profiler.enable", () =>
    session.post("Profiler.setSamplingInterval", { interval: samplingIntervalMicros }, () =>
      session.post("Profiler.start", () => (profiling = true))))

const stop = () =>
  session.post("Profiler.stop", (error, result) => {
    profiling = false
    if (error === null) writeFileSync(output, JSON.stringify(result.profile))
  })

process.on("SIGUSR2", () => (profiling ? stop() : start()))
