import { readFileSync } from "node:fs"

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly children?: ReadonlyArray<number>
}

interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

export interface Share {
  readonly name: string
  readonly share: number
  /** Self time in microseconds. */
  readonly micros: number
}

interface Timed {
  readonly node: ProfileNode
  readonly category: string
  readonly time: number
}

const ownCategories: ReadonlyArray<readonly [RegExp, string]> = [
  [/^native \(idle\)$/, "(idle)"],
  [/^native \(program\)$/, "(program: V8 and native code outside JS)"],
  [/^native \(garbage collector\)$/, "(garbage collector)"],
  [/^native (writev|writeUtf8String|writeLatin1String|writeBuffer)$/, "socket writes (writev syscall)"],
  [/\/effect\/dist\/esm\/internal\/fiberRuntime\.js/, "effect: fiber runtime"],
  [/\/effect\/dist\/esm\/internal\/fiberRefs/, "effect: FiberRefs"],
  [/\/effect\/dist\/esm\/internal\/context\.js/, "effect: Context lookups"],
  [/\/effect\/dist\/esm\/(internal\/schema|ParseResult|SchemaAST|Schema)/, "effect: Schema encode/decode"],
  [/\/effect\/dist\/esm\/internal\/(tracer|core-effect)\.js/, "effect: tracer, spans (core-effect)"],
  [/\/effect\/dist\/esm\/internal\/metric/, "effect: metrics"],
  [/\/effect\/dist\/esm\/(internal\/(core|runtime|fiberScope|fiberMessage|runtimeFlags)|Scheduler)\.js/, "effect: core, runtime, scheduler"],
  [/\/effect\/dist\/esm\/(Hash|Equal|Predicate|Function|Utils)\.js/, "effect: Hash, Equal, pipe, dual"],
  [/\/effect\/dist\/esm\//, "effect: other modules"],
  [/find-my-way|\/platform\/dist\/esm\/internal\/httpRouter/, "platform: router"],
  [/\/platform\/dist\/esm\/(Headers|internal\/headers)/, "platform: headers"],
  [/\/platform\/dist\/esm\/(HttpApiBuilder|HttpApiSchema|HttpApi)\.js/, "platform: HttpApiBuilder (handler, response encoding)"],
  [/\/platform\/dist\/esm\/internal\/httpMiddleware/, "platform: tracer middleware (span attributes, URL parse)"],
  [/\/platform\/dist\/esm\//, "platform: other (request, response, body, app)"],
  [/\/platform-node\/dist\/esm\//, "platform-node: node request/response adapter"],
  [/\/work\/main\/src\//, "baton src"],
  [/^node:internal\/url/, "node: URL parsing"],
  [/^node:_http|^node:internal\/http/, "node: http"],
  [/^node:(internal\/(streams|stream_base_commons)|net)/, "node: net, streams"],
  [/^node:/, "node: other internals (events, ticks, timers)"]
]

const isProfilerHook = ({ url }: CallFrame) => url.startsWith("node:inspector") || url.endsWith("/ProfilerHook.ts")

const subject = ({ functionName, url }: CallFrame) => (url === "" ? `native ${functionName}` : url)

const ownCategory = (frame: CallFrame) => ownCategories.find(([pattern]) => pattern.test(subject(frame)))?.[1]

/** Categories by frame, native frames without a category of their own taking their caller's; the profiler's own work left out. */
const categorise = (profile: Profile): Map<number, string> => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const categories = new Map<number, string>()
  const visit = (node: ProfileNode, inherited: string) => {
    if (isProfilerHook(node.callFrame)) return
    const category = ownCategory(node.callFrame) ?? (node.callFrame.url === "" ? inherited : "other")
    categories.set(node.id, category)
    node.children?.forEach((child) => {
      const next = byId.get(child)
      if (next !== undefined) visit(next, category)
    })
  }
  const root = profile.nodes[0]
  if (root !== undefined) visit(root, "native (other)")
  return categories
}

const selfTimes = (profile: Profile): ReadonlyArray<Timed> => {
  const categories = categorise(profile)
  const byNode = new Map<number, number>()
  profile.samples.forEach((id, index) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)))
  return profile.nodes.flatMap((node) => {
    const category = categories.get(node.id)
    return category === undefined ? [] : [{ node, category, time: byNode.get(node.id) ?? 0 }]
  })
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*node_modules\//, "").replace(/^file:\/\/\/work\/main\//, "")

const frameName = ({ functionName, lineNumber, url }: CallFrame) =>
  url === "" ? functionName : `${functionName === "" ? "(anonymous)" : functionName} ${shortUrl(url)}:${lineNumber + 1}`

const rank = (entries: ReadonlyArray<readonly [string, number]>, top: number): ReadonlyArray<Share> => {
  const totals = new Map<string, number>()
  entries.forEach(([key, time]) => totals.set(key, (totals.get(key) ?? 0) + time))
  const total = [...totals.values()].reduce((sum, time) => sum + time, 0)
  return [...totals.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, top)
    .map(([name, time]) => ({ name, share: time / total, micros: time }))
}

export const readProfile = (file: string): Profile => JSON.parse(readFileSync(file, "utf8")) as Profile

export const topFunctions = (profile: Profile, top: number) =>
  rank(selfTimes(profile).map(({ node, time }) => [frameName(node.callFrame), time]), top)

export const topCategories = (profile: Profile, top: number) =>
  rank(selfTimes(profile).map(({ category, time }) => [category, time]), top)
