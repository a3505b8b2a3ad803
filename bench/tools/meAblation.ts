// Where `GET /me`'s own work goes: CPU per request of baton's composition without one piece at a
// time, against the same composition whole and baton's contract with no work behind it:
//   node --import tsx bench/tools/meAblation.ts          (ROUNDS=2; PATH_UNDER_TEST=/tenants/bench/members)
// The variants are `bench/fixtures/BatonVariant.ts`: without "authenticate" the bearer check runs
// once per token and then answers the actor it authenticated; without "middleware" the request
// metrics and the generation snapshot are left out. Each server is measured in turn under the
// same load (50 connections, 2 s of warm-up, 6 s measured; CPU of the server process from /proc).
import { adminEmail, adminPassword, batonWithAdmin, benchAuthorization, bodyOf, cpuPerRequest, serverRoot } from "../support/Requests.js"
import { type ServerSpec, withServer } from "../support/Server.js"
import * as Servers from "../support/Servers.js"

const path = process.env["PATH_UNDER_TEST"] ?? "/me"
const seconds = 6
const bootstrap = { BATON_BOOTSTRAP_EMAIL: adminEmail, BATON_BOOTSTRAP_PASSWORD: adminPassword }

/** `spec`'s CPU per request on `path`; a server with a fixed body (the contract with no work) takes any bearer. */
const measure = (spec: ServerSpec, fixedBody?: string) =>
  withServer(spec, async (server) => {
    const base = serverRoot(server.url)
    const authorization = fixedBody === undefined ? await benchAuthorization(base, path) : "Bearer any"
    return cpuPerRequest(server, { url: `${base}${path}`, connections: 50, seconds, headers: { authorization } })
  })

const body = await withServer(batonWithAdmin, async (baton) => {
  const base = serverRoot(baton.url)
  return bodyOf(`${base}${path}`, await benchAuthorization(base, path))
})

const variants: ReadonlyArray<readonly [string, ServerSpec, string?]> = [
  ["baton (src/main.ts)", batonWithAdmin],
  ["composition, whole", Servers.batonVariant("whole", [], bootstrap)],
  ["- request middleware", Servers.batonVariant("no middleware", ["middleware"], bootstrap)],
  ["- authenticate", Servers.batonVariant("no authenticate", ["authenticate"], bootstrap)],
  ["- both", Servers.batonVariant("neither", ["middleware", "authenticate"], bootstrap)],
  ["contract, no work", Servers.batonApiShape({ BENCH_ME_BODY: body, BENCH_MEMBERS_BODY: body }), body]
]

console.log(`GET ${path}: CPU per request of the server process, ${seconds} s at 50 connections`)
for (let round = 0; round < Number(process.env["ROUNDS"] ?? 2); round++) {
  for (const [name, spec, fixedBody] of variants) {
    const { micros, rate } = await measure(spec, fixedBody)
    console.log(`  ${name.padEnd(22)} ${String(Math.round(rate)).padStart(6)} req/s  ${micros.toFixed(0).padStart(5)} µs CPU/req`)
  }
}
