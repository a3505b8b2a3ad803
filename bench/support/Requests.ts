import autocannon from "autocannon"
import type { Figure } from "./Benchmark.js"
import { waitForQuiet } from "./Cpu.js"
import { bestOfTurns } from "./Turns.js"
import { type RunningServer, withServer } from "./Server.js"
import * as Servers from "./Servers.js"

/** A load of one request shape against one URL. */
export interface RequestLoad {
  readonly url: string
  readonly connections: number
  readonly seconds: number
  readonly method?: "GET" | "POST"
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

export interface Rate {
  readonly rate: number
  readonly p50: number
  readonly p99: number
}

/** Requests per second of a load that must answer 2xx throughout. */
export const requestsPerSecond = async (load: RequestLoad): Promise<Rate> => {
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    ...(load.method === undefined ? {} : { method: load.method }),
    ...(load.headers === undefined ? {} : { headers: load.headers }),
    ...(load.body === undefined ? {} : { body: load.body })
  })
  const failures = result.errors + result.timeouts + result.non2xx
  if (failures > 0) throw new Error(`${load.url}: ${failures} failed requests`)
  return { rate: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 }
}

/**
 * CPU microseconds per request `server` spends under `load` (2 s of warm-up, then `load.seconds`
 * measured; the server process's CPU from /proc), with the rate it answered.
 */
export const cpuPerRequest = async (server: RunningServer, load: RequestLoad): Promise<{ readonly rate: number; readonly micros: number }> => {
  await requestsPerSecond({ ...load, seconds: 2 })
  const before = server.cpuSeconds()
  const { rate } = await requestsPerSecond(load)
  return { rate, micros: (server.cpuSeconds() - before) * 1e6 / (rate * load.seconds) }
}

/** A short load first (JIT, connection pools, caches), then the measured one. */
export const warmedRate = async (load: RequestLoad, warmUpSeconds: number): Promise<Rate> => {
  await requestsPerSecond({ ...load, seconds: warmUpSeconds })
  return requestsPerSecond(load)
}

export const adminEmail = "load@example.com"
export const adminPassword = "a passphrase only for measuring"

/** baton on an empty SQLite file with a bootstrap platform admin. */
export const batonWithAdmin = {
  ...Servers.baton,
  env: { ...Servers.baton.env, BATON_BOOTSTRAP_EMAIL: adminEmail, BATON_BOOTSTRAP_PASSWORD: adminPassword }
}

export const json = { "content-type": "application/json" }
export const loginBody = JSON.stringify({ email: adminEmail, password: adminPassword })

/** The bootstrap admin's session token (the server root without `/health/live`). */
export const sessionToken = async (base: string): Promise<string> => {
  const response = await fetch(`${base}/auth/login`, { method: "POST", headers: json, body: loginBody })
  const body = (await response.json()) as { sessionToken?: string }
  if (body.sessionToken === undefined) throw new Error(`login failed: ${response.status}`)
  return body.sessionToken
}

/** The root of a running server, from its health URL. */
export const serverRoot = (healthUrl: string) => healthUrl.replace(/\/health\/live$/, "")

/** The tenant whose member page the benchmarks and tools read, and how many members it has. */
export const benchTenant = { id: "bench", members: 20 } as const

const expectStatus = async (response: Response, status: number, what: string) => {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`)
  await response.arrayBuffer()
}

/**
 * Creates `benchTenant` and registers its members over HTTP as the caller `authorization` (a
 * platform admin's bearer). `send` is `fetch`; tools that run the API in process pass its handler.
 */
export const arrangeBenchTenant = async (
  base: string,
  authorization: string,
  send: (url: string, init: RequestInit) => Promise<Response> = fetch
) => {
  const headers = { ...json, authorization }
  const post = (path: string, body: unknown) => send(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(body) })
  await expectStatus(await post("/tenants", { id: benchTenant.id, name: "Bench" }), 201, "create tenant")
  for (let n = 0; n < benchTenant.members; n++) {
    const body = { email: `member-${n}@example.com`, displayName: `Member ${n}`, role: "tenant-member" }
    await expectStatus(await post(`/tenants/${benchTenant.id}/members`, body), 201, "register member")
  }
}

/** A rate against its baseline, with the ratio it should reach (`atLeast`), if any. */
export const rateFigure = (name: string, value: number, baselineName: string, baseline: number, atLeast?: number): Figure => ({
  name,
  unit: "req/s",
  value,
  baselineName,
  baseline,
  ...(atLeast === undefined ? {} : { target: { atLeast } })
})

/** A measurement that answers a rate: a load against a server, or work done in this process. */
export type Measure = () => Promise<Rate>

/**
 * Runs each measure `rounds` times, taking turns, each after the machine has been quiet for a
 * second, and keeps each one's best round (highest rate): on a shared 2-core VM a single
 * reading of either side can be a third off.
 */
export const bestOfRounds = <K extends string>(measures: Readonly<Record<K, Measure>>, rounds: number): Promise<Record<K, Rate>> =>
  bestOfTurns(
    Object.keys(measures) as Array<K>,
    async (key) => {
      await waitForQuiet()
      return [await measures[key]()]
    },
    rounds,
    ({ rate }) => rate
  )

export const roundsFor = (quick: boolean) => (quick ? 1 : 3)

/**
 * baton's API contract on HttpApi with nothing behind it, answering `bodies` (see
 * `Servers.batonApiShape`), in a server of its own for `use` (given its root); stopped afterwards.
 */
export const withBatonApiShape = <A>(bodies: Readonly<Record<string, string>>, use: (root: string) => Promise<A>): Promise<A> =>
  withServer(Servers.batonApiShape(bodies), (shape) => use(serverRoot(shape.url)))

/**
 * The bootstrap admin's bearer for the baton at `base`, the bench tenant arranged first when
 * `path` reads it.
 */
export const benchAuthorization = async (base: string, path: string): Promise<string> => {
  const authorization = `Bearer ${await sessionToken(base)}`
  if (path.startsWith(`/tenants/${benchTenant.id}`)) await arrangeBenchTenant(base, authorization)
  return authorization
}

/** The body `url` answers with `authorization`, which must be 200. */
export const bodyOf = async (url: string, authorization: string): Promise<string> => {
  const response = await fetch(url, { headers: { authorization } })
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return response.text()
}

/** A bare HttpApi endpoint in a server of its own, for `use` to measure against; stopped afterwards. */
export const withBareHttpApi = <A>(use: (url: string) => Promise<A>): Promise<A> => withServer(Servers.bareHttpApi, (bare) => use(bare.url))
