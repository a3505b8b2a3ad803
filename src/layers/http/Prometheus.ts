import { Effect, Metric, type MetricKey, type MetricKeyType, type MetricPair, MetricState, Option } from "effect"

const sanitizeName = (name: string) => name.replace(/[^a-zA-Z0-9_:]/g, "_").replace(/^([^a-zA-Z_:])/, "_$1")
const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, "\\\"")
const formatNumber = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : n < 0 ? "-Inf" : "NaN")

const labels = (pairs: ReadonlyArray<readonly [string, string]>) =>
  pairs.length === 0 ? "" : `{${pairs.map(([k, v]) => `${sanitizeName(k)}="${escapeLabel(v)}"`).join(",")}}`

const tagsOf = (key: MetricKey.MetricKey<MetricKeyType.MetricKeyType<unknown, unknown>>) =>
  key.tags.map((tag) => [tag.key, tag.value] as const)

/** The samples of one metric (without its HELP and TYPE lines), and its Prometheus type. */
const samples = (
  pair: MetricPair.MetricPair.Untyped
): { readonly type: "counter" | "gauge" | "histogram" | "summary"; readonly lines: ReadonlyArray<string> } => {
  const name = sanitizeName(pair.metricKey.name)
  const tags = tagsOf(pair.metricKey)
  const state = pair.metricState
  if (MetricState.isCounterState(state)) return { type: "counter", lines: [`${name}${labels(tags)} ${formatNumber(Number(state.count))}`] }
  if (MetricState.isGaugeState(state)) return { type: "gauge", lines: [`${name}${labels(tags)} ${formatNumber(Number(state.value))}`] }
  if (MetricState.isHistogramState(state)) {
    return {
      type: "histogram",
      lines: [
        ...state.buckets
          .filter(([le]) => Number.isFinite(le))
          .map(([le, count]) => `${name}_bucket${labels([...tags, ["le", formatNumber(le)]])} ${count}`),
        `${name}_bucket${labels([...tags, ["le", "+Inf"]])} ${state.count}`,
        `${name}_sum${labels(tags)} ${formatNumber(state.sum)}`,
        `${name}_count${labels(tags)} ${state.count}`
      ]
    }
  }
  if (MetricState.isSummaryState(state)) {
    return {
      type: "summary",
      lines: [
        ...state.quantiles.flatMap(([q, value]) =>
          Option.match(value, {
            onNone: () => [],
            onSome: (v) => [`${name}${labels([...tags, ["quantile", String(q)]])} ${formatNumber(v)}`]
          })
        ),
        `${name}_sum${labels(tags)} ${formatNumber(state.sum)}`,
        `${name}_count${labels(tags)} ${state.count}`
      ]
    }
  }
  if (MetricState.isFrequencyState(state)) {
    return {
      type: "counter",
      lines: [...state.occurrences].map(([key, count]) => `${name}${labels([...tags, ["key", key]])} ${count}`)
    }
  }
  return { type: "gauge", lines: [] }
}

/**
 * Every metric of the process (baton's, and Effect's own `effect_fiber_*`) in the Prometheus text
 * exposition format 0.0.4: one HELP and TYPE block per metric name, samples grouped under it.
 */
export const render: Effect.Effect<string> = Effect.map(Metric.snapshot, (pairs) => {
  const families = new Map<string, { help: string; type: string; lines: Array<string> }>()
  for (const pair of pairs) {
    const name = sanitizeName(pair.metricKey.name)
    const { lines, type } = samples(pair)
    const family = families.get(name) ?? {
      help: Option.getOrElse(pair.metricKey.description, () => name),
      type,
      lines: []
    }
    family.lines.push(...lines)
    families.set(name, family)
  }
  return [...families]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, family]) =>
      [`# HELP ${name} ${family.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${name} ${family.type}`, ...family.lines]
        .join("\n")
    )
    .join("\n") + "\n"
})
