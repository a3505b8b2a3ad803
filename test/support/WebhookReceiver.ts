import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, Schedule } from "effect"

export interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** The status answered, or "held" for a request left without an answer. */
  readonly answer: number | "held"
}

/**
 * A webhook receiver on loopback. `answer(n)` decides what the n-th request (from 1) gets: a
 * status, or "hold" to keep it open without answering (a receiver that hangs).
 */
export const make = (answer: (n: number) => number | "hold") =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly received: () => ReadonlyArray<Received>; readonly close: () => void }>((resume) => {
      const received: Array<Received> = []
      const server = createServer((request, response) => {
        const chunks: Array<Buffer> = []
        request.on("data", (chunk: Buffer) => chunks.push(chunk))
        request.on("end", () => {
          const decision = answer(received.length + 1)
          received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), answer: decision === "hold" ? "held" : decision })
          if (decision !== "hold") response.writeHead(decision, { "content-type": "text/plain" }).end("ok")
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({
          url: `http://127.0.0.1:${port}/hooks`,
          received: () => [...received],
          close: () => {
            server.closeAllConnections()
            server.close()
          }
        }))
      })
    }),
    (receiver) => Effect.sync(receiver.close)
  )

/** Polls `check` every 50 ms until it holds; fails after `timeoutMs` naming what it waited for. */
export const eventually = <R = never>(what: string, check: (() => boolean) | Effect.Effect<boolean, never, R>, timeoutMs = 10_000) =>
  (Effect.isEffect(check) ? check : Effect.sync(check)).pipe(
    Effect.flatMap((holds) => (holds ? Effect.void : Effect.fail(what))),
    Effect.retry(Schedule.spaced("50 millis")),
    Effect.timeoutFail({ duration: timeoutMs, onTimeout: () => new Error(`timed out waiting for: ${what}`) })
  )
