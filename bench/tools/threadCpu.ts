// CPU per request of each thread of a server under one load: `node --import tsx bench/tools/threadCpu.ts /auth/login`
// (or `/me`, or `/tenants/bench/members`: a tenant of 20 members is registered first). `… /auth/login ceiling` measures
// instead the login of baton's contract with only the hash behind it (`fixtures/BatonApiShape.ts`, as `npm run bench -- auth`
// does), answering the bytes a baton login answered. Thread 0 is the main (JavaScript) thread; Node names the others `node` too.
import { adminPassword, batonWithAdmin, benchAuthorization, json, loginBody, requestsPerSecond, serverRoot } from "../support/Requests.js"
import { type RunningServer, startServer } from "../support/Server.js"
import * as Servers from "../support/Servers.js"

const path = process.argv[2] ?? "/auth/login"
const ceiling = process.argv[3] === "ceiling"
const login = path === "/auth/login"
if (ceiling && !login) throw new Error("the ceiling is measured for /auth/login only")

/** The reply of a baton login, which the ceiling answers. */
const batonLoginReply = async (): Promise<string> => {
  const server = await startServer(batonWithAdmin)
  try {
    return await (await fetch(`${serverRoot(server.url)}/auth/login`, { method: "POST", headers: json, body: loginBody })).text()
  } finally {
    await server.stop()
  }
}

const measure = async (server: RunningServer) => {
  const base = serverRoot(server.url)
  const load = login
    ? { url: `${base}${path}`, connections: 8, method: "POST", headers: json, body: loginBody } as const
    : { url: `${base}${path}`, connections: 50, headers: { authorization: await benchAuthorization(base, path) } }
  await requestsPerSecond({ ...load, seconds: 2 })
  const before = server.threadCpuSeconds()
  const rate = await requestsPerSecond({ ...load, seconds: 5 })
  const requests = rate.rate * 5
  console.log(`${path}${ceiling ? " (ceiling: the contract and the hash only)" : ""}: ${Math.round(rate.rate)} req/s`)
  let total = 0
  server.threadCpuSeconds().forEach((thread, i) => {
    const used = thread.seconds - (before[i]?.seconds ?? 0)
    total += used
    if (used > 0) console.log(`  ${(i === 0 ? "main" : `${i} ${thread.thread}`).padEnd(20)} ${(used * 1e6 / requests).toFixed(0)} µs/req`)
  })
  console.log(`  total ${(total * 1e6 / requests).toFixed(0)} µs/req`)
}

const spec = ceiling
  ? Servers.batonApiShape({ BENCH_ME_BODY: "{}", BENCH_LOGIN_BODY: await batonLoginReply(), BENCH_LOGIN_PASSWORD: adminPassword })
  : batonWithAdmin
const server = await startServer(spec)
try {
  await measure(server)
} finally {
  await server.stop()
}
