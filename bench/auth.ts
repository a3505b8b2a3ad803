import { hash, verify } from "@node-rs/argon2"
import type { Benchmark, Row } from "./support/Benchmark.js"
import {
  adminPassword,
  batonWithAdmin,
  bestOfRounds,
  bodyOf,
  json,
  loginBody,
  rateFigure,
  roundsFor,
  serverRoot,
  sessionToken,
  warmedRate,
  withBareHttpApi,
  withBatonApiShape
} from "./support/Requests.js"
import * as Argon2PasswordHashing from "../src/layers/crypto/Argon2PasswordHashing.js"
import { recommended } from "../src/layers/crypto/PasswordHashing.js"
import { startServer } from "./support/Server.js"

/** Argon2id verifications per second with `concurrency` in flight, in this process (the raw rate). */
const rawVerifyRate = async (concurrency: number, seconds: number) => {
  const phc = await hash(adminPassword, Argon2PasswordHashing.options(recommended))
  const deadline = Date.now() + seconds * 1000
  let done = 0
  const worker = async () => {
    while (Date.now() < deadline) {
      await verify(phc, adminPassword)
      done += 1
    }
  }
  const started = Date.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return done / ((Date.now() - started) / 1000)
}

export const benchmark: Benchmark = {
  name: "auth",
  title: "Logins against the raw Argon2id rate; GET /me with a session against a bare HttpApi endpoint",
  run: async ({ quick }) => {
    const seconds = quick ? 3 : 10
    const loginConnections = 8
    const warm = quick ? 1 : 2
    const rounds = roundsFor(quick)
    const baton = await startServer(batonWithAdmin)
    const base = serverRoot(baton.url)
    const { bareRate, loginShape, logins, me, raw, shape } = await withBareHttpApi(async (bareUrl) => {
      try {
        const login = { url: `${base}/auth/login`, connections: loginConnections, seconds, method: "POST", headers: json, body: loginBody } as const
        const authorization = `Bearer ${await sessionToken(base)}`
        const meBody = await bodyOf(`${base}/me`, authorization)
        const loginReply = await (await fetch(login.url, { method: "POST", headers: json, body: loginBody })).text()
        const bodies = { BENCH_ME_BODY: meBody, BENCH_LOGIN_BODY: loginReply, BENCH_LOGIN_PASSWORD: adminPassword }
        return await withBatonApiShape(bodies, (shapeRoot) =>
          bestOfRounds({
            raw: async () => ({ rate: await rawVerifyRate(loginConnections, seconds), p50: 0, p99: 0 }),
            logins: () => warmedRate(login, 1),
            loginShape: () => warmedRate({ ...login, url: `${shapeRoot}/auth/login` }, 1),
            me: () => warmedRate({ url: `${base}/me`, connections: 50, seconds, headers: { authorization } }, warm),
            shape: () => warmedRate({ url: `${shapeRoot}/me`, connections: 50, seconds, headers: { authorization } }, warm),
            bareRate: () => warmedRate({ url: bareUrl, connections: 50, seconds }, warm)
          }, rounds))
      } finally {
        await baton.stop()
      }
    })
    const rows: ReadonlyArray<Row> = [
      { measure: "Argon2id verify (raw, in-process)", "per second": Math.round(raw.rate), "p50 ms": "", "p99 ms": "" },
      { measure: "POST /auth/login (baton, SQLite)", "per second": Math.round(logins.rate), "p50 ms": logins.p50, "p99 ms": logins.p99 },
      { measure: "POST /auth/login, baton's API on HttpApi, only the hash", "per second": Math.round(loginShape.rate), "p50 ms": loginShape.p50, "p99 ms": loginShape.p99 },
      { measure: "GET /me with a session (baton, SQLite)", "per second": Math.round(me.rate), "p50 ms": me.p50, "p99 ms": me.p99 },
      { measure: "GET /me, baton's API on HttpApi, no work", "per second": Math.round(shape.rate), "p50 ms": shape.p50, "p99 ms": shape.p99 },
      { measure: "GET /health/live (bare HttpApi)", "per second": Math.round(bareRate.rate), "p50 ms": bareRate.p50, "p99 ms": bareRate.p99 }
    ]
    return {
      notes: [
        `logins: ${loginConnections} connections (Argon2id m=19456 KiB, t=2, p=1 bounds them); the raw rate runs ${loginConnections} verifications in flight`,
        "GET /me: 50 connections; the bearer middleware reads the session, the account and the idle timeout, then the handler reads the account and its TOTP state",
        "\"no work\": baton's HttpApi contract (all groups, the bearer middleware) with a fixed actor and baton's /me bytes, request spans off;",
        "  \"only the hash\": the same contract's login verifying the password against one stored Argon2id hash, then answering baton's bytes",
        "  (bench/fixtures/BatonApiShape.ts): the most any implementation of the contract on HttpApi could answer",
        `${seconds} s measured per figure; 2 cores: the server and autocannon share them`,
        `${rounds} round(s) per measure, taking turns after the machine is quiet, best round (highest rate) kept`
      ],
      rows,
      figures: [
        rateFigure("logins", logins.rate, "raw Argon2id verify", raw.rate, 0.85),
        rateFigure("logins, only the hash (ceiling)", loginShape.rate, "raw Argon2id verify", raw.rate),
        rateFigure("logins vs only the hash", logins.rate, "the contract's login with only the hash", loginShape.rate),
        rateFigure("GET /me", me.rate, "bare HttpApi endpoint", bareRate.rate, 0.8),
        rateFigure("GET /me, no work (ceiling)", shape.rate, "bare HttpApi endpoint", bareRate.rate),
        rateFigure("GET /me vs no work", me.rate, "the contract with no work", shape.rate)
      ]
    }
  }
}
