import { fileURLToPath } from "node:url"
import type { ServerSpec } from "./Server.js"

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))

const healthPath = "/health/live"

export const nodeHttp: ServerSpec = { name: "node:http", entry: file("../fixtures/NodeHttp.ts"), path: healthPath }

export const bareHttpApi: ServerSpec = { name: "bare HttpApi", entry: file("../fixtures/BareHttpApi.ts"), path: healthPath }

export const baton: ServerSpec = {
  name: "baton",
  entry: file("../../src/main.ts"),
  path: healthPath,
  env: { BATON_LOG_LEVEL: "Warn" },
  dataDir: true
}

/**
 * baton's HTTP contract served by HttpApi with nothing behind it (`fixtures/BatonApiShape.ts`):
 * a fixed actor and the given bodies. `bodies` maps BENCH_ME_BODY / BENCH_MEMBERS_BODY to JSON text.
 */
export const batonApiShape = (bodies: Readonly<Record<string, string>>): ServerSpec => ({
  name: "baton's API on HttpApi, no work behind it",
  entry: file("../fixtures/BatonApiShape.ts"),
  path: healthPath,
  env: { ...bodies }
})

export const bareHttpApiUntraced: ServerSpec = {
  ...bareHttpApi,
  name: "bare HttpApi, tracer off",
  env: { BENCH_TRACER: "off" }
}

export const bareHttpApiClass: ServerSpec = {
  ...bareHttpApi,
  name: "bare HttpApi, tracer off, Schema.Class",
  env: { BENCH_TRACER: "off", BENCH_SCHEMA: "class" }
}

/**
 * baton's composition rebuilt in `fixtures/BatonVariant.ts`, without the pieces named
 * (middleware: request metrics and the generation snapshot; authenticate: the bearer check runs
 * once per token; docs; untraced; background).
 */
export const batonVariant = (name: string, without: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}): ServerSpec => ({
  ...baton,
  name,
  entry: file("../fixtures/BatonVariant.ts"),
  env: { ...baton.env, ...env, BENCH_WITHOUT: without.join(",") }
})
