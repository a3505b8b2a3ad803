import { cpus } from "node:os"
import type { Figure, Report, Row } from "./Benchmark.js"

const format = (value: string | number) =>
  typeof value === "number"
    ? value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1 })
    : value

const table = (rows: ReadonlyArray<Row>): string => {
  const columns = Object.keys(rows[0] ?? {})
  const cells = [columns, ...rows.map((row) => columns.map((column) => format(row[column] ?? "")))]
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]?.length ?? 0)))
  const align = (cell: string, index: number) =>
    index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)
  return cells.map((line) => "  " + line.map(align).join("   ")).join("\n")
}

const ratio = (figure: Figure) => figure.value / figure.baseline

const verdict = (figure: Figure) => {
  const target = figure.target
  if (target === undefined) return ""
  return "atLeast" in target
    ? `${ratio(figure) >= target.atLeast ? "meets" : "MISSES"} target >= ${target.atLeast}`
    : `${ratio(figure) <= target.atMost ? "meets" : "MISSES"} target <= ${target.atMost}`
}

const figureRow = (figure: Figure): Row => ({
  figure: `${figure.name} (${figure.unit})`,
  value: figure.value,
  baseline: figure.baseline,
  ratio: figure.baseline === 0 ? "n/a" : ratio(figure).toFixed(2),
  target: verdict(figure)
})

export const machine = () => {
  const cores = cpus()
  return `machine: ${cores.length} cores (${cores[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${process.platform}/${process.arch}`
}

export const printReport = (title: string, report: Report) => {
  console.log(`\n== ${title}`)
  report.notes.forEach((note) => console.log(`  ${note}`))
  console.log(`\n${table(report.rows)}`)
  console.log(`\n${table(report.figures.map(figureRow))}`)
  console.log("  ratio = value / baseline: above 1 means more req/s, a slower latency or more CPU per request than the baseline")
}
