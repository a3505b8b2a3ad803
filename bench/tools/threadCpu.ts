// CPU per request of each thread of a baton server under one load: `node --import tsx bench/tools/threadCpu.ts /auth/login`
// (or `/me`, or `/tenants/bench/members`: a tenant of 20 members is registered first).
import { batonWithAdmin, benchAuthorization, json, loginBody, requestsPerSecond, serverRoot } from "../support/Requests.js"
import { startServer } from "../support/Server.js"
const path = process.argv[2] ?? "/auth/login"
const server = await startServer(batonWithAdmin)
try {
  const base = serverRoot(server.url)
  const load = path === "/auth/login" ? { url: `${base}${path}`, connections: 8, method: "POST", headers: json, body: loginBody } as const : { url: `${base}${path}`, connections: 50, headers: { authorization: await benchAuthorization(base, path) } }
  await requestsPerSecond({ ...load, seconds: 2 })
  const before = new Map(server.threadCpuSeconds().map((t, i) => [`${i}:${t.thread}`, t.seconds]))
  const rate = await requestsPerSecond({ ...load, seconds: 5 })
  const n = rate.rate * 5
  console.log(`${path}: ${Math.round(rate.rate)} req/s`)
  let total = 0
  server.threadCpuSeconds().forEach((t, i) => { const d = t.seconds - (before.get(`${i}:${t.thread}`) ?? 0); total += d; if (d > 0) console.log(`  ${t.thread.padEnd(20)} ${(d * 1e6 / n).toFixed(0)} µs/req`) })
  console.log(`  total ${(total * 1e6 / n).toFixed(0)} µs/req`)
} finally { await server.stop() }
