// CPU per request of a baton server and of baton's HTTP contract with no work behind it
// (`bench/fixtures/BatonApiShape.ts`), in turns, under the same load:
//   node --import tsx bench/tools/noWorkCpu.ts /me          (or /tenants/bench/members; ROUNDS=3)
// The difference is what baton's own work costs per request; the server processes' CPU is read
// from /proc before and after 6 s of load (50 connections) after 2 s of warm-up.
import { batonWithAdmin, benchAuthorization, bodyOf, cpuPerRequest, serverRoot } from "../support/Requests.js"
import { type RunningServer, startServer } from "../support/Server.js"
import * as Servers from "../support/Servers.js"

const path = process.argv[2] ?? "/me"
const seconds = 6

const measure = async (name: string, server: RunningServer, authorization: string) => {
  const { micros, rate } = await cpuPerRequest(server, { url: `${serverRoot(server.url)}${path}`, connections: 50, seconds, headers: { authorization } })
  console.log(`  ${name.padEnd(8)} ${String(Math.round(rate)).padStart(6)} req/s  ${micros.toFixed(0).padStart(5)} µs CPU/req`)
  return micros
}

const baton = await startServer(batonWithAdmin)
try {
  const base = serverRoot(baton.url)
  const authorization = await benchAuthorization(base, path)
  const body = await bodyOf(`${base}${path}`, authorization)
  const shape = await startServer(Servers.batonApiShape({ BENCH_ME_BODY: body, BENCH_MEMBERS_BODY: body }))
  try {
    console.log(`GET ${path}`)
    for (let round = 0; round < Number(process.env["ROUNDS"] ?? 3); round++) {
      const noWork = await measure("no work", shape, authorization)
      const own = await measure("baton", baton, authorization)
      console.log(`  baton's own work ≈ ${(own - noWork).toFixed(0)} µs CPU/req`)
    }
  } finally {
    await shape.stop()
  }
} finally {
  await baton.stop()
}
