declare module "autocannon" {
  interface Options {
    readonly url: string
    readonly connections?: number
    readonly pipelining?: number
    readonly duration?: number
    readonly warmup?: { readonly connections?: number; readonly duration?: number }
    readonly method?: "GET" | "POST"
    readonly headers?: Readonly<Record<string, string>>
    readonly body?: string
  }

  interface Histogram {
    readonly average: number
    readonly p50: number
    readonly p99: number
  }

  interface Result {
    readonly requests: Histogram & { readonly total: number }
    readonly latency: Histogram
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
    readonly duration: number
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
