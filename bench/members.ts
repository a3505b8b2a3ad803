import type { Benchmark, Row } from "./support/Benchmark.js"
import {
  arrangeBenchTenant,
  batonWithAdmin,
  benchTenant,
  bestOfRounds,
  bodyOf,
  rateFigure,
  roundsFor,
  serverRoot,
  sessionToken,
  warmedRate,
  withBareHttpApi,
  withBatonApiShape
} from "./support/Requests.js"
import { startServer } from "./support/Server.js"

const { id: tenant, members } = benchTenant
const connections = 50

export const benchmark: Benchmark = {
  name: "members",
  title: "GET /tenants/{id}/members (authenticated, authorized, tenant-scoped) against a bare HttpApi endpoint",
  run: async ({ quick }) => {
    const seconds = quick ? 3 : 10
    const warm = quick ? 1 : 2
    const rounds = roundsFor(quick)
    const baton = await startServer(batonWithAdmin)
    const { bare, list, shape } = await withBareHttpApi(async (bareUrl) => {
      try {
        const base = serverRoot(baton.url)
        const authorization = `Bearer ${await sessionToken(base)}`
        await arrangeBenchTenant(base, authorization)
        const page = `/tenants/${tenant}/members`
        const body = await bodyOf(`${base}${page}`, authorization)
        return await withBatonApiShape({ BENCH_MEMBERS_BODY: body }, (shapeRoot) =>
          bestOfRounds({
            list: () => warmedRate({ url: `${base}${page}`, connections, seconds, headers: { authorization } }, warm),
            shape: () => warmedRate({ url: `${shapeRoot}${page}`, connections, seconds, headers: { authorization } }, warm),
            bare: () => warmedRate({ url: bareUrl, connections, seconds }, warm)
          }, rounds))
      } finally {
        await baton.stop()
      }
    })
    const rows: ReadonlyArray<Row> = [
      { measure: `GET /tenants/${tenant}/members, ${members} members (baton, SQLite)`, "per second": Math.round(list.rate), "p50 ms": list.p50, "p99 ms": list.p99 },
      { measure: `GET /tenants/${tenant}/members, baton's API on HttpApi, no work`, "per second": Math.round(shape.rate), "p50 ms": shape.p50, "p99 ms": shape.p99 },
      { measure: "GET /health/live (bare HttpApi)", "per second": Math.round(bare.rate), "p50 ms": bare.p50, "p99 ms": bare.p99 }
    ]
    return {
      notes: [
        `${connections} connections, ${seconds} s measured after ${warm} s of warm-up, each server in its own process; 2 cores: the server and autocannon share them`,
        `${rounds} round(s) per server, servers taking turns after the machine is quiet, best round (highest req/s) kept`,
        "per request baton validates the session (session, account, idle timeout), resolves the caller's grants for members.read in the tenant",
        `  (tenant status, memberships, role grants), then reads one page (limit 50) of the ${members} members with their roles and encodes it`,
        "\"no work\": baton's HttpApi contract (all groups, the bearer middleware) with a fixed actor and baton's bytes for the page, request spans off",
        "  (bench/fixtures/BatonApiShape.ts): the most any implementation of the contract on HttpApi could answer"
      ],
      rows,
      figures: [
        rateFigure("GET /tenants/{id}/members", list.rate, "bare HttpApi endpoint", bare.rate, 0.6),
        rateFigure("GET /tenants/{id}/members, no work (ceiling)", shape.rate, "bare HttpApi endpoint", bare.rate),
        rateFigure("GET /tenants/{id}/members vs no work", list.rate, "the contract with no work", shape.rate)
      ]
    }
  }
}
