import { existsSync } from "node:fs"
import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { fileURLToPath } from "node:url"
import { fullLoad, load, type LoadOptions, quickLoad, warmUp } from "../support/Load.js"
import { machine } from "../support/Print.js"
import { type RunningServer, type ServerSpec, withServer } from "../support/Server.js"
import * as Servers from "../support/Servers.js"
import { readProfile, type Share, topCategories, topFunctions } from "./CpuProfile.js"

const hook = fileURLToPath(new URL("./ProfilerHook.ts", import.meta.url))

const targets: Readonly<Record<string, ServerSpec>> = {
  nodeHttp: Servers.nodeHttp,
  bare: Servers.bareHttpApi,
  bareUntraced: Servers.bareHttpApiUntraced,
  bareClass: Servers.bareHttpApiClass,
  baton: Servers.baton,
  batonApiOnly: Servers.batonVariant("baton API only (tracer off)", ["middleware", "docs", "background"])
}

const waitForFile = async (file: string) => {
  for (let attempt = 0; attempt < 100 && !existsSync(file); attempt++) await sleep(100)
  if (!existsSync(file)) throw new Error(`no profile written to ${file}`)
}

const profiled = (server: ServerSpec, file: string): ServerSpec => ({
  ...server,
  nodeArgs: ["--import", hook],
  env: { ...server.env, BENCH_PROFILE_FILE: file }
})

const loadUnderProfiler = async (server: RunningServer, file: string, options: LoadOptions) => {
  await warmUp(server.url, options)
  server.signal("SIGUSR2")
  const sample = await load(server.url, options)
  server.signal("SIGUSR2")
  await waitForFile(file)
  return sample
}

const print = (title: string, shares: ReadonlyArray<Share>, requests: number) => {
  console.log(`\n  ${title}\n      %   µs/req`)
  shares.forEach(({ micros, name, share }) =>
    console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${(micros / requests).toFixed(1).padStart(6)}  ${name}`))
}

const profile = async (name: string, server: ServerSpec, options: LoadOptions) => {
  const file = join(await mkdtemp(join(tmpdir(), "baton-profile-")), `${name}.cpuprofile`)
  const sample = await withServer(profiled(server, file), (running) => loadUnderProfiler(running, file, options))
  const cpuProfile = readProfile(file)
  console.log(`\n== ${server.name}: ${Math.round(sample.requestsPerSecond)} req/s, ${sample.requests} requests under the profiler; ${file}`)
  print("self time by category", topCategories(cpuProfile, 25), sample.requests)
  print("top self-time functions", topFunctions(cpuProfile, 25), sample.requests)
}

const main = async () => {
  const args = process.argv.slice(2)
  const options = args.includes("--quick") ? quickLoad : fullLoad
  const names = args.filter((arg) => !arg.startsWith("--"))
  console.log(`node --import tsx bench/tools/profile.ts ${args.join(" ")}`.trimEnd())
  console.log(`${new Date().toISOString()}, ${machine()}`)
  for (const name of names.length === 0 ? ["bare", "baton"] : names) {
    const server = targets[name]
    if (server === undefined) throw new Error(`unknown server ${name}: one of ${Object.keys(targets).join(", ")}`)
    await profile(name, server, options)
  }
}

await main()
