import { readdir } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import type { Benchmark } from "./support/Benchmark.js"
import { machine, printReport } from "./support/Print.js"

const benchDir = fileURLToPath(new URL(".", import.meta.url))

const isBenchmarkModule = (file: string) => file.endsWith(".ts") && !file.endsWith(".d.ts") && file !== "run.ts"

const isBenchmark = (value: unknown): value is Benchmark =>
  typeof value === "object" && value !== null && "name" in value && "run" in value

const loadBenchmarks = async (): Promise<ReadonlyArray<Benchmark>> => {
  const files = (await readdir(benchDir)).filter(isBenchmarkModule).sort()
  const modules: ReadonlyArray<{ readonly benchmark?: unknown }> = await Promise.all(
    files.map((file) => import(new URL(file, import.meta.url).href))
  )
  return modules.flatMap(({ benchmark }) => (isBenchmark(benchmark) ? [benchmark] : []))
}

const parseArguments = (args: ReadonlyArray<string>) => ({
  quick: args.includes("--quick"),
  filters: args.filter((arg) => !arg.startsWith("--"))
})

const main = async () => {
  const { filters, quick } = parseArguments(process.argv.slice(2))
  const selected = (await loadBenchmarks()).filter((benchmark) =>
    filters.length === 0 || filters.some((filter) => benchmark.name.includes(filter))
  )
  if (selected.length === 0) throw new Error(`no benchmark matches ${filters.join(", ")}`)
  console.log(["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "))
  console.log(`${new Date().toISOString()}, ${machine()}${quick ? ", --quick" : ""}`)
  for (const benchmark of selected) {
    printReport(`${benchmark.name}: ${benchmark.title}`, await benchmark.run({ quick }))
  }
}

await main()
