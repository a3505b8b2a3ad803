import type { Benchmark } from "./support/Benchmark.js"
import { compare, loadFor, type Measured, measureAll, setupNotes, toRow } from "./support/Compare.js"
import * as Servers from "./support/Servers.js"

const bareServers = {
  bare: Servers.bareHttpApi,
  bareUntraced: Servers.bareHttpApiUntraced,
  bareClass: Servers.bareHttpApiClass
}

const batonServers = {
  baton: Servers.baton,
  copy: Servers.batonVariant("baton copy (all pieces)", []),
  noMiddleware: Servers.batonVariant("baton - request middleware", ["middleware"]),
  noDocs: Servers.batonVariant("baton - swagger/openapi", ["docs"]),
  traced: Servers.batonVariant("baton, a request span per request", ["untraced"]),
  noBackground: Servers.batonVariant("baton - dispatcher/workflow engine", ["background"]),
  apiOnly: Servers.batonVariant("baton API only (tracer off)", ["middleware", "docs", "background"])
}

const throughputAndCpu = (subject: Measured, baseline: Measured) =>
  compare(subject, baseline).filter((figure) => figure.unit === "req/s" || figure.unit === "CPU µs/req")

export const benchmark: Benchmark = {
  name: "variants",
  title: "GET /health/live on baton's composition without one piece at a time, and bare HttpApi variants",
  run: async ({ quick }) => {
    const options = loadFor(quick)
    const measured = await measureAll({ ...bareServers, ...batonServers }, options)
    const { bare, bareClass, bareUntraced, baton, copy } = measured
    const changed = [measured.noMiddleware, measured.noDocs, measured.traced, measured.noBackground]
    return {
      notes: [
        ...setupNotes(options),
        "baton variants: fixtures/BatonVariant.ts, src/main.ts's composition rebuilt from src's exported layers, one piece changed"
      ],
      rows: [bare, bareUntraced, bareClass, baton, copy, ...changed, measured.apiOnly].map(toRow),
      figures: [
        ...throughputAndCpu(bareUntraced, bare),
        ...throughputAndCpu(bareClass, bareUntraced),
        ...throughputAndCpu(baton, bareUntraced),
        ...throughputAndCpu(measured.apiOnly, bareUntraced),
        ...throughputAndCpu(copy, baton),
        ...changed.flatMap((variant) => throughputAndCpu(variant, copy))
      ]
    }
  }
}
