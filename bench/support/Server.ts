import { type ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import { mkdtemp, rm } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { processCpuSeconds, threadCpuSeconds } from "./Cpu.js"

/** A server to benchmark: a TypeScript entry point started as its own Node process. */
export interface ServerSpec {
  readonly name: string
  readonly entry: string
  readonly path: string
  readonly env?: Readonly<Record<string, string>>
  readonly nodeArgs?: ReadonlyArray<string>
  /** Gives the server an empty temporary `BATON_DATA_DIR`, removed when it stops. */
  readonly dataDir?: boolean
}

export interface RunningServer {
  readonly url: string
  /** CPU seconds the server process has used so far. */
  readonly cpuSeconds: () => number
  /** CPU seconds each thread of the server process has used so far, by thread name (`node`, `libuv-worker`, …). */
  readonly threadCpuSeconds: () => ReadonlyArray<{ readonly thread: string; readonly seconds: number }>
  readonly signal: (signal: NodeJS.Signals) => void
  readonly stop: () => Promise<void>
}

const readyTimeoutMs = 30_000
const termGraceMs = 5_000
const outputTailChars = 4_000

const freePort = async (): Promise<number> => {
  const probe = createServer()
  probe.listen(0, "127.0.0.1")
  await once(probe, "listening")
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === "string") throw new Error("no TCP port available")
  return address.port
}

const isUp = async (url: string) => {
  try {
    const response = await fetch(url)
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

const waitUntilReady = async (child: ChildProcess, url: string, output: () => string) => {
  const deadline = Date.now() + readyTimeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering ${url}\n${output()}`)
    }
    if (await isUp(url)) return
    await sleep(100)
  }
  throw new Error(`server did not answer ${url} within ${readyTimeoutMs} ms\n${output()}`)
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

const waitForExit = async (child: ChildProcess, ms: number) =>
  hasExited(child) || await Promise.race([once(child, "exit").then(() => true), sleep(ms).then(() => false)])

const terminate = async (child: ChildProcess) => {
  if (hasExited(child)) return
  child.kill("SIGTERM")
  if (await waitForExit(child, termGraceMs)) return
  child.kill("SIGKILL")
  await waitForExit(child, termGraceMs)
}

const spawnServer = (spec: ServerSpec, env: Record<string, string>) =>
  spawn(process.execPath, ["--import", "tsx", ...(spec.nodeArgs ?? []), spec.entry], {
    env: { ...process.env, ...spec.env, ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })

export const startServer = async (spec: ServerSpec): Promise<RunningServer> => {
  const port = await freePort()
  const dataDir = spec.dataDir === true ? await mkdtemp(join(tmpdir(), "baton-bench-")) : undefined
  const child = spawnServer(spec, { PORT: String(port), HOST: "127.0.0.1", ...(dataDir && { BATON_DATA_DIR: dataDir }) })
  let output = ""
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-outputTailChars))
  child.stdout?.on("data", keep)
  child.stderr?.on("data", keep)
  const stop = async () => {
    await terminate(child)
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${port}${spec.path}`
  try {
    await waitUntilReady(child, url, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    stop,
    signal: (signal) => child.kill(signal),
    cpuSeconds: () => (child.pid === undefined ? Number.NaN : processCpuSeconds(child.pid)),
    threadCpuSeconds: () => (child.pid === undefined ? [] : threadCpuSeconds(child.pid))
  }
}

export const withServer = async <A>(spec: ServerSpec, use: (server: RunningServer) => Promise<A>): Promise<A> => {
  const server = await startServer(spec)
  try {
    return await use(server)
  } finally {
    await server.stop()
  }
}
