import type { Benchmark } from "./support/Benchmark.js"
import { compare, loadFor, measureAll, setupNotes, toRow } from "./support/Compare.js"
import * as Servers from "./support/Servers.js"

const overheadFloor = 0.8

export const benchmark: Benchmark = {
  name: "health",
  title: "GET /health/live: node:http, a bare HttpApi endpoint and baton",
  run: async ({ quick }) => {
    const options = loadFor(quick)
    const { bareHttpApi, baton, nodeHttp } = await measureAll(
      { nodeHttp: Servers.nodeHttp, bareHttpApi: Servers.bareHttpApi, baton: Servers.baton },
      options
    )
    return {
      notes: setupNotes(options),
      rows: [nodeHttp, bareHttpApi, baton].map(toRow),
      figures: [...compare(baton, nodeHttp), ...compare(bareHttpApi, nodeHttp), ...compare(baton, bareHttpApi, overheadFloor)]
    }
  }
}
