import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Layer } from "effect"
import * as BatonHttp from "../../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { defineModule, type TenantDb } from "../../../src/layers/modules/ModuleDefinition.js"
import * as ModulesRuntime from "../../../src/layers/modules/ModulesRuntime.js"
import * as WorkflowEngines from "../../../src/layers/workflow/WorkflowEngines.js"
import { bearerWith, createTenant } from "../../support/Access.js"
import { request } from "../../support/AuthClient.js"
import { publish } from "../../support/Modules.js"

const slowStep = (table: string) => ({
  id: table,
  tables: [table],
  up: ({ sql, table: t }: TenantDb) =>
    Effect.zipRight(Effect.sleep("150 millis"), sql`CREATE TABLE ${t(table)} (id TEXT)`),
  down: ({ sql, table: t }: TenantDb) => sql`DROP TABLE ${t(table)}`
})

const slow = defineModule({ name: "Slow", version: "1.0.0", title: "Slow", tenantMigrations: [slowStep("one"), slowStep("two"), slowStep("three")] })

const server = Layer.mergeAll(BatonHttp.app, ModulesRuntime.layer({ pollInterval: Duration.millis(50) })).pipe(
  Layer.provideMerge(WorkflowEngines.layerMemory),
  Layer.provideMerge(MemoryPorts.layer({ modules: [slow] })),
  Layer.provideMerge(NodeHttpServer.layerTest),
  Layer.orDie
)

describe("GET /installation-jobs/{id}/events", () => {
  it.live("streams a progress event per change of the job record, in order, and ends once it settles", () =>
    Effect.gen(function*() {
      yield* createTenant("acme")
      yield* publish(["Slow", "1.0.0"])
      const { token } = yield* bearerWith("owner@example.com", [{ role: "tenant-admin", tenant: "acme" }])
      const accepted = yield* request("POST", "/tenants/acme/modules/Slow/installations", { bearer: token, body: {} })
      const id = (accepted.body as { job: { id: string } }).job.id
      const response = yield* HttpClient.execute(HttpClientRequest.get(`/installation-jobs/${id}/events`).pipe(HttpClientRequest.bearerToken(token)))
      const text = yield* response.text
      const events = text.split("\n\n").filter((e) => e !== "")
      const progress = events.filter((e) => e.startsWith("event: progress")).map((e) => JSON.parse(e.split("data: ")[1] ?? "{}") as { job: { state: string; step: number; steps: number } })
      assert.isAtLeast(progress.length, 3, text)
      const steps = progress.map((p) => p.job.step)
      assert.deepStrictEqual(steps, [...steps].sort((a, b) => a - b), "progress only moves forward")
      assert.deepStrictEqual(progress[progress.length - 1]?.job, { ...progress[progress.length - 1]?.job, state: "Active", step: 5, steps: 5 })
      assert.strictEqual(events[events.length - 1], "event: end\ndata: {}")
      const other = yield* bearerWith("stranger@example.com", [])
      const refused = yield* HttpClient.execute(HttpClientRequest.get(`/installation-jobs/${id}/events`).pipe(HttpClientRequest.bearerToken(other.token)))
      assert.strictEqual(refused.status, 403)
    }).pipe(Effect.provide(server)), 30_000)
})
