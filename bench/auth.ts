import { hash, verify } from "@node-rs/argon2"
import autocannon from "autocannon"
import type { Benchmark, Figure, Row } from "./support/Benchmark.js"
import { startServer } from "./support/Server.js"
import * as Servers from "./support/Servers.js"

const email = "load@example.com"
const password = "a passphrase only for measuring"
const recommended = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

const batonWithAdmin = {
  ...Servers.baton,
  env: { ...Servers.baton.env, BATON_BOOTSTRAP_EMAIL: email, BATON_BOOTSTRAP_PASSWORD: password }
}

interface Load {
  readonly url: string
  readonly connections: number
  readonly seconds: number
  readonly method?: "GET" | "POST"
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

/** Requests per second of a load that must answer 2xx throughout. */
const requestsPerSecond = async (load: Load) => {
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

/** Argon2id verifications per second with `concurrency` in flight, in this process (the raw rate). */
const rawVerifyRate = async (concurrency: number, seconds: number) => {
  const phc = await hash(password, recommended)
  const deadline = Date.now() + seconds * 1000
  let done = 0
  const worker = async () => {
    while (Date.now() < deadline) {
      await verify(phc, password)
      done += 1
    }
  }
  const started = Date.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return done / ((Date.now() - started) / 1000)
}

const loginBody = JSON.stringify({ email, password })
const json = { "content-type": "application/json" }

const sessionToken = async (base: string) => {
  const response = await fetch(`${base}/auth/login`, { method: "POST", headers: json, body: loginBody })
  const body = (await response.json()) as { sessionToken?: string }
  if (body.sessionToken === undefined) throw new Error(`login failed: ${response.status}`)
  return body.sessionToken
}

const figure = (name: string, value: number, baselineName: string, baseline: number, atLeast: number): Figure => ({
  name,
  unit: "req/s",
  value,
  baselineName,
  baseline,
  target: { atLeast }
})

export const benchmark: Benchmark = {
  name: "auth",
  title: "Logins against the raw Argon2id rate; GET /me with a session against a bare HttpApi endpoint",
  run: async ({ quick }) => {
    const seconds = quick ? 3 : 10
    const loginConnections = 8
    const raw = await rawVerifyRate(loginConnections, seconds)
    const baton = await startServer(batonWithAdmin)
    const base = baton.url.replace(/\/health\/live$/, "")
    let logins: Awaited<ReturnType<typeof requestsPerSecond>>
    let me: Awaited<ReturnType<typeof requestsPerSecond>>
    try {
      await requestsPerSecond({ url: `${base}/auth/login`, connections: loginConnections, seconds: 1, method: "POST", headers: json, body: loginBody })
      logins = await requestsPerSecond({ url: `${base}/auth/login`, connections: loginConnections, seconds, method: "POST", headers: json, body: loginBody })
      const headers = { authorization: `Bearer ${await sessionToken(base)}` }
      await requestsPerSecond({ url: `${base}/me`, connections: 50, seconds: quick ? 1 : 2, headers })
      me = await requestsPerSecond({ url: `${base}/me`, connections: 50, seconds, headers })
    } finally {
      await baton.stop()
    }
    const bare = await startServer(Servers.bareHttpApi)
    let bareRate: Awaited<ReturnType<typeof requestsPerSecond>>
    try {
      await requestsPerSecond({ url: bare.url, connections: 50, seconds: quick ? 1 : 2 })
      bareRate = await requestsPerSecond({ url: bare.url, connections: 50, seconds })
    } finally {
      await bare.stop()
    }
    const rows: ReadonlyArray<Row> = [
      { measure: "Argon2id verify (raw, in-process)", "per second": Math.round(raw), "p50 ms": "", "p99 ms": "" },
      { measure: "POST /auth/login (baton, SQLite)", "per second": Math.round(logins.rate), "p50 ms": logins.p50, "p99 ms": logins.p99 },
      { measure: "GET /me with a session (baton, SQLite)", "per second": Math.round(me.rate), "p50 ms": me.p50, "p99 ms": me.p99 },
      { measure: "GET /health/live (bare HttpApi)", "per second": Math.round(bareRate.rate), "p50 ms": bareRate.p50, "p99 ms": bareRate.p99 }
    ]
    return {
      notes: [
        `logins: ${loginConnections} connections (Argon2id m=19456 KiB, t=2, p=1 bounds them); the raw rate runs ${loginConnections} verifications in flight`,
        "GET /me: 50 connections; the bearer middleware reads the session, the account and the idle timeout, then the handler reads the account and its TOTP state",
        `${seconds} s measured per figure; 2 cores: the server and autocannon share them`
      ],
      rows,
      figures: [
        figure("logins", logins.rate, "raw Argon2id verify", raw, 0.85),
        figure("GET /me", me.rate, "bare HttpApi endpoint", bareRate.rate, 0.8)
      ]
    }
  }
}
