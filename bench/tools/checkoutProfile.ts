import { writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import * as WorkflowEngines from "../../src/layers/workflow/WorkflowEngines.js"
import { direct, engineAlone, measure } from "../checkout.js"
import { readProfile, topCategories, topFunctions } from "./CpuProfile.js"

/**
 * Runs checkouts on one engine under the CPU profiler (the modules are loaded before it starts)
 * and prints where the time goes: `node --import tsx bench/tools/checkoutProfile.ts durable|memory|direct|engine [count] [concurrency]`
 * (`direct`: the saga's steps called one after the other, without an engine; `engine`: the durable
 * engine alone, running a workflow of two empty steps). `BENCH_PROFILE=off` only measures.
 * The profile is written to `$BENCH_PROFILE_FILE` (default `/tmp/checkout.cpuprofile`).
 */
const mode = process.argv[2] === "memory" || process.argv[2] === "direct" || process.argv[2] === "engine" ? process.argv[2] : "durable"
const engine = mode === "durable" ? WorkflowEngines.layerSql() : WorkflowEngines.layerMemory
const count = Number(process.argv[3] ?? 1000)
const file = process.env["BENCH_PROFILE_FILE"] ?? "/tmp/checkout.cpuprofile"

const profiling = process.env["BENCH_PROFILE"] !== "off"
const session = new Session()
session.connect()
if (profiling) await session.post("Profiler.enable")
if (profiling) await session.post("Profiler.start")
const result = mode === "engine"
  ? await engineAlone(WorkflowEngines.layerSql(), count)
  : await measure(mode, engine, count, Number(process.argv[4] ?? 50), ...(mode === "direct" ? [direct] as const : []))
if (!profiling) {
  console.log(`${mode}: ${result.rate.toFixed(1)} checkouts/s, ${result.cpuMillis.toFixed(2)} ms CPU each (not profiled)`)
  process.exit(0)
}
const { profile } = await session.post("Profiler.stop")
writeFileSync(file, JSON.stringify(profile))
console.log(`${mode}: ${result.rate.toFixed(1)} checkouts/s, ${result.cpuMillis.toFixed(2)} ms CPU each; profile in ${file}`)
const print = (title: string, shares: ReadonlyArray<{ readonly name: string; readonly share: number }>) => {
  console.log(`\n  ${title}`)
  shares.forEach(({ name, share }) => console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${name}`))
}
print("self time by category", topCategories(readProfile(file), 20))
print("top self-time functions", topFunctions(readProfile(file), 40))
