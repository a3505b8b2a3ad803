/** A figure and the baseline it is compared with, both measured in the same run. */
export interface Figure {
  readonly name: string
  readonly unit: string
  readonly value: number
  readonly baselineName: string
  readonly baseline: number
  /** The ratio `value / baseline` this figure should reach: a floor for throughput, a ceiling for latency. */
  readonly target?: { readonly atLeast: number } | { readonly atMost: number }
}

export interface Row {
  readonly [column: string]: string | number
}

export interface Report {
  readonly notes: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Row>
  readonly figures: ReadonlyArray<Figure>
}

export interface RunOptions {
  readonly quick: boolean
}

export interface Benchmark {
  readonly name: string
  readonly title: string
  readonly run: (options: RunOptions) => Promise<Report>
}
