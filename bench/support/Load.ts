import autocannon from "autocannon"

export interface LoadOptions {
  readonly connections: number
  readonly pipelining: number
  readonly warmupSeconds: number
  readonly durationSeconds: number
  /** Each server is measured this many times, the servers taking turns; its best round is kept. */
  readonly rounds: number
}

export interface Sample {
  readonly requestsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly requests: number
}

export const fullLoad: LoadOptions = { connections: 50, pipelining: 1, warmupSeconds: 2, durationSeconds: 10, rounds: 3 }
export const quickLoad: LoadOptions = { ...fullLoad, warmupSeconds: 1, durationSeconds: 3, rounds: 1 }

export const describeLoad = (options: LoadOptions) =>
  `autocannon: ${options.connections} connections, pipelining ${options.pipelining}, ` +
  `${options.warmupSeconds} s warm-up then ${options.durationSeconds} s measured; ` +
  `${options.rounds} round(s) per server, servers taking turns, best round (highest req/s) kept`

const fire = async (url: string, options: LoadOptions, duration: number) => {
  const result = await autocannon({ url, connections: options.connections, pipelining: options.pipelining, duration })
  const failures = result.errors + result.timeouts + result.non2xx
  if (failures > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`)
  }
  return result
}

export const warmUp = async (url: string, options: LoadOptions): Promise<void> => {
  await fire(url, options, options.warmupSeconds)
}

export const load = async (url: string, options: LoadOptions): Promise<Sample> => {
  const result = await fire(url, options, options.durationSeconds)
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total
  }
}
