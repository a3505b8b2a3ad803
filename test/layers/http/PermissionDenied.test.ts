import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, FastCheck as fc, Option, Record as Rec, Schema } from "effect"
import * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import { Authentication } from "../../../src/layers/http/Authentication.js"
import { BatonApi } from "../../../src/layers/http/BatonApi.js"
import { bearerWith, createTenant, grant } from "../../support/Access.js"
import { request, sqliteServer } from "../../support/AuthClient.js"
import { pendingAudit } from "../../support/Intents.js"

/**
 * For every mutating endpoint (POST, PUT, PATCH, DELETE) behind the bearer middleware — except the
 * account's own credentials under `/me` and `/auth`, which are self-service — an authenticated
 * caller without the ability gets 403 PermissionDenied, nothing stored changes, and the denial is
 * audited. Payloads, query strings and path parameters are generated from each endpoint's schemas
 * (tenant paths point at an existing tenant), so a new endpoint is covered the day it is added.
 */

interface Case {
  readonly name: string
  readonly method: string
  readonly url: string
  readonly body: unknown
  readonly headers: Record<string, string>
}

const selfService = (path: string) => path === "/me" || path.startsWith("/me/") || path.startsWith("/auth/")

const sampleOf = <A, I>(schema: Schema.Schema<A, I>, seed: number): Record<string, string> => {
  const [value] = fc.sample(Arbitrary.make(schema).filter(Schema.is(schema)), { numRuns: 1, seed })
  return Schema.encodeUnknownSync(schema)(value) as Record<string, string>
}

const endpoints: Array<{ readonly endpoint: HttpApiEndpoint.HttpApiEndpoint<string, HttpMethod>; readonly authenticated: boolean }> = []
HttpApi.reflect(BatonApi, {
  onGroup: () => {},
  onEndpoint: ({ endpoint, middleware }) => endpoints.push({ endpoint, authenticated: (middleware as ReadonlySet<unknown>).has(Authentication) })
})

const mutating = (method: string) => method !== "GET" && method !== "HEAD" && method !== "OPTIONS"

const cases: ReadonlyArray<Case> = endpoints
  .filter(({ authenticated, endpoint }) => authenticated && mutating(endpoint.method) && !selfService(endpoint.path))
  .map(({ endpoint }) => {
    const seed = endpoint.path.length * 31 + endpoint.name.length
    const params = Option.match(endpoint.pathSchema, { onNone: (): Record<string, string> => ({}), onSome: (s) => sampleOf(s, seed) })
    const path = endpoint.path.replace(/:(\w+)/g, (_, key: string) =>
      encodeURIComponent(key === "id" && endpoint.path.startsWith("/tenants/:id") ? "acme" : String(params[key] ?? "")))
    const query = Option.match(endpoint.urlParamsSchema, { onNone: () => "", onSome: (s) => `?${new URLSearchParams(sampleOf(s, seed))}` })
    return {
      name: `${endpoint.method} ${endpoint.path}`,
      method: endpoint.method,
      url: `${path}${query}`,
      body: Option.getOrUndefined(Option.map(endpoint.payloadSchema, (s) => sampleOf(s, seed))),
      headers: Option.match(endpoint.headersSchema, { onNone: (): Record<string, string> => ({}), onSome: (s) => sampleOf(s, seed) })
    }
  })

/** Every stored row that a command could change (the outbox, the audit log and sessions excepted). */
const snapshot = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const tables = yield* sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'baton_%'
    AND name NOT IN ('baton_outbox', 'baton_audit_log', 'baton_sessions', 'baton_migrations', 'baton_login_attempts', 'baton_api_tokens')`
  const rows = yield* Effect.forEach(tables, ({ name }) => Effect.map(sql.unsafe(`SELECT * FROM ${name}`), (all) => [name, all] as const))
  return JSON.stringify(Rec.fromEntries(rows))
}).pipe(Effect.orDie)

describe("every mutating endpoint refuses a caller without the ability", () => {
  it("covers the endpoints", () => {
    assert.isAtLeast(cases.length, 9, cases.map((c) => c.name).join(", "))
  })

  for (const endpoint of cases) {
    it.live(`${endpoint.name}: 403 PermissionDenied, nothing changed, the denial audited`, () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const outsider = yield* bearerWith("outsider@example.com", [])
        const member = yield* bearerWith("member@example.com", [{ role: "tenant-member", tenant: "acme" }])
        yield* grant(member.accountId, "platform-operator")
        for (const caller of [outsider, member]) {
          const before = yield* snapshot
          const audited = (yield* pendingAudit).length
          const reply = yield* request(endpoint.method as "POST", endpoint.url, { bearer: caller.token, body: endpoint.body, headers: endpoint.headers })
          assert.strictEqual(reply.status, 403, `${endpoint.name} ${endpoint.url} ${JSON.stringify(endpoint.body)} → ${reply.text}`)
          assert.strictEqual((reply.body as { _tag?: string })._tag, "PermissionDenied", reply.text)
          assert.strictEqual(yield* snapshot, before, `${endpoint.name} changed stored state`)
          const denials = (yield* pendingAudit).slice(audited).filter((a) => a.outcome === "PermissionDenied")
          assert.strictEqual(denials.length, 1, `${endpoint.name}: one denial audited`)
        }
      }).pipe(Effect.provide(sqliteServer)))
  }
})
