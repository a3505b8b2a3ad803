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
