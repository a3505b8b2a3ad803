import { type ChildProcess, spawn } from "node:child_process"
import { createServer } from "node:net"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { Effect, Schedule } from "effect"

/** The repository root, where `src/main.ts` and `src/cli.ts` live. */
export const root = fileURLToPath(new URL("../..", import.meta.url))

/** The environment for a child: the parent's, less anything that would pick another database or port. */
const environment = (env: Record<string, string>) => {
  const { DATABASE_URL: _url, PORT: _port, HOST: _host, ...rest } = process.env
  return { ...rest, BATON_LOG_FORMAT: "logfmt", ...env }
}

/** A free TCP port on loopback. */
export const freePort = Effect.async<number>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})

export interface ServiceProcess {
  readonly child: ChildProcess
  readonly output: () => string
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Effect.Effect<number | string>
}

/** Runs `node --import tsx <script> …args` as a child process; killed (SIGKILL) when the scope closes. */
export const spawnScript = (script: string, args: ReadonlyArray<string>, env: Record<string, string>, input?: string) =>
  Effect.acquireRelease(
    Effect.sync((): ServiceProcess => {
      const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
        cwd: root,
        env: environment(env),
        stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"]
      })
      if (input !== undefined) child.stdin?.end(input)
      let output = ""
      child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()))
      child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()))
      const exit = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)))
      return { child, output: () => output, exited: Effect.promise(() => exit) }
    }),
    ({ child }) => Effect.sync(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"))
  )

/** Starts the service (`src/main.ts`) on `port` with `env`. */
export const startService = (port: number, env: Record<string, string>) =>
  spawnScript("src/main.ts", [], { PORT: String(port), HOST: "127.0.0.1", ...env })

/** Runs the CLI to completion (with `input` on its standard input); returns its exit code and output. */
export const runCli = (args: ReadonlyArray<string>, env: Record<string, string>, input?: string) =>
  Effect.scoped(Effect.gen(function*() {
    const cli = yield* spawnScript("src/cli.ts", args, env, input)
    const code = yield* cli.exited
    return { code, output: cli.output() }
  }))

/** Waits until `GET /health/ready` answers 200; fails with the process output after `timeoutMs`. */
export const waitReady = (port: number, service: ServiceProcess, timeoutMs = 15_000) =>
  Effect.tryPromise(() => fetch(`http://127.0.0.1:${port}/health/ready`)).pipe(
    Effect.flatMap((response) => (response.status === 200 ? Effect.void : Effect.fail(response.status))),
    Effect.retry(Schedule.spaced("100 millis")),
    Effect.timeoutFail({
      duration: timeoutMs,
      onTimeout: () => new Error(`not ready within ${timeoutMs} ms; output:\n${service.output()}`)
    })
  )
