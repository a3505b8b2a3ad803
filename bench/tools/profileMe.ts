import { existsSync } from "node:fs"
import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { fileURLToPath } from "node:url"
import { batonWithAdmin, benchAuthorization, json, loginBody, requestsPerSecond, serverRoot } from "../support/Requests.js"
import { startServer } from "../support/Server.js"
import { readProfile, topCategories, topFunctions } from "./CpuProfile.js"

const hook = fileURLToPath(new URL("./ProfilerHook.ts", import.meta.url))
const path = process.argv[2] ?? "/me"
const file = join(await mkdtemp(join(tmpdir(), "baton-profile-")), "me.cpuprofile")
const server = await startServer({ ...batonWithAdmin, nodeArgs: ["--import", hook], env: { ...batonWithAdmin.env, BENCH_PROFILE_FILE: file } })
try {
  const base = serverRoot(server.url)
  const login = path === "/auth/login"
  const load = login
    ? { url: `${base}${path}`, connections: Number(process.env.CONNECTIONS ?? 8), method: "POST", headers: json, body: loginBody } as const
    : { url: `${base}${path}`, connections: 50, headers: { authorization: await benchAuthorization(base, path) } }
  await requestsPerSecond({ ...load, seconds: 2 })
  server.signal("SIGUSR2")
  const cpu0 = process.cpuUsage()
  const rate = await requestsPerSecond({ ...load, seconds: 5 })
  const cpu = process.cpuUsage(cpu0)
  console.log(`load generator CPU ${((cpu.user + cpu.system) / (rate.rate * 5)).toFixed(0)} µs/req`)
  server.signal("SIGUSR2")
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(100)
  const requests = rate.rate * 5
  console.log(`${path}: ${Math.round(rate.rate)} req/s; ${file}`)
  const profile = readProfile(file)
  for (const [title, shares] of [["categories", topCategories(profile, 25)], ["functions", topFunctions(profile, 40)]] as const) {
    console.log(`\n  ${title}`)
    shares.forEach(({ micros, name, share }) => console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${(micros / requests).toFixed(1).padStart(6)}  ${name}`))
  }
} finally {
  await server.stop()
}
