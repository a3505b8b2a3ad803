import type { Figure, Row } from "./Benchmark.js"
import { machineCpuSeconds, ownCpuSeconds, waitForQuiet } from "./Cpu.js"
import { describeLoad, fullLoad, load, type LoadOptions, quickLoad, type Sample, warmUp } from "./Load.js"
import { type RunningServer, type ServerSpec, withServer } from "./Server.js"
import { bestOfTurns } from "./Turns.js"

export interface Measured {
  readonly server: ServerSpec
  readonly sample: Sample
  /** Shares of one core used while measured (1 = one core busy all the time). */
  readonly cpu: { readonly server: number; readonly loader: number; readonly others: number }
  /** Server CPU time per request, in microseconds. */
  readonly cpuPerRequest: number
}

export const loadFor = (quick: boolean): LoadOptions => (quick ? quickLoad : fullLoad)

const cpuClocks = (server: RunningServer) => ({ server: server.cpuSeconds(), loader: ownCpuSeconds(), machine: machineCpuSeconds() })

const loadAndTime = async (spec: ServerSpec, server: RunningServer, options: LoadOptions): Promise<Measured> => {
  await waitForQuiet()
  await warmUp(server.url, options)
  const before = cpuClocks(server)
  const sample = await load(server.url, options)
  const after = cpuClocks(server)
  const share = (key: keyof typeof before) => (after[key] - before[key]) / options.durationSeconds
  return {
    server: spec,
    sample,
    cpu: { server: share("server"), loader: share("loader"), others: share("machine") - share("server") - share("loader") },
    cpuPerRequest: ((after.server - before.server) / sample.requests) * 1e6
  }
}

const measureOnce = (server: ServerSpec, options: LoadOptions) =>
  withServer(server, (running) => loadAndTime(server, running, options))

const contendedShare = 0.15
const attemptsPerRound = 3

/** Measures again, up to `attemptsPerRound` times, while other processes took more than `contendedShare` of a core. */
const measureUncontended = async (server: ServerSpec, options: LoadOptions): Promise<ReadonlyArray<Measured>> => {
  const attempts = [await measureOnce(server, options)]
  while (attempts.length < attemptsPerRound && (attempts.at(-1)?.cpu.others ?? 0) > contendedShare) {
    attempts.push(await measureOnce(server, options))
  }
  return attempts
}

/** Measures every server `options.rounds` times, taking turns, and keeps each server's best round. */
export const measureAll = <K extends string>(
  servers: Readonly<Record<K, ServerSpec>>,
  options: LoadOptions
): Promise<Record<K, Measured>> =>
  bestOfTurns(
    Object.keys(servers) as Array<K>,
    (key) => measureUncontended(servers[key], options),
    options.rounds,
    ({ sample }) => sample.requestsPerSecond
  )

const percent = (share: number) => `${Math.max(0, Math.round(share * 100))}%`

export const toRow = ({ cpu, cpuPerRequest, sample, server }: Measured): Row => ({
  server: server.name,
  "req/s": Math.round(sample.requestsPerSecond),
  "p50 ms": sample.p50,
  "p99 ms": sample.p99,
  "CPU µs/req": Math.round(cpuPerRequest),
  "server CPU": percent(cpu.server),
  "loader CPU": percent(cpu.loader),
  "other CPU": percent(cpu.others)
})

export const compare = (subject: Measured, baseline: Measured, throughputFloor?: number): ReadonlyArray<Figure> => {
  const name = `${subject.server.name} vs ${baseline.server.name}`
  const figure = (unit: string, pick: (measured: Measured) => number) => ({
    name,
    unit,
    value: pick(subject),
    baselineName: baseline.server.name,
    baseline: pick(baseline)
  })
  return [
    {
      ...figure("req/s", ({ sample }) => sample.requestsPerSecond),
      ...(throughputFloor !== undefined && { target: { atLeast: throughputFloor } })
    },
    figure("p50 ms", ({ sample }) => sample.p50),
    figure("p99 ms", ({ sample }) => sample.p99),
    figure("CPU µs/req", ({ cpuPerRequest }) => cpuPerRequest)
  ]
}

export const setupNotes = (options: LoadOptions) => [
  describeLoad(options),
  "each server runs in its own Node process; this machine has 2 cores: the server takes one, autocannon (in this runner) the other",
  "CPU columns: share of one core used while measured by the server, by autocannon, and by everything else on the machine",
  "  (other processes, kernel). Each round waits (up to 60 s) for the machine to be quiet, and is measured again (up to",
  "  3 attempts) when other CPU exceeded 15%; a kept round with other CPU above ~10% had competition and reads low"
]
