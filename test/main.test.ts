import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { freePort, startService, waitReady } from "./support/ServiceProcess.js"

const freshDataDir = () => mkdtempSync(join(tmpdir(), "baton-main-"))

describe("the service process", () => {
  it.scopedLive("starts with no configuration but a port, migrates a fresh database and is ready within 15 s", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const started = Date.now()
      const service = yield* startService(port, { BATON_DATA_DIR: freshDataDir() })
      yield* waitReady(port, service)
      assert.isBelow(Date.now() - started, 15_000)
      assert.include(service.output(), `baton listening on http://127.0.0.1:${port} (API docs: http://127.0.0.1:${port}/docs)`)
      const docs = yield* Effect.promise(() => fetch(`http://127.0.0.1:${port}/docs`))
      const openapi = yield* Effect.promise(() => fetch(`http://127.0.0.1:${port}/openapi.json`).then((r) => r.json() as Promise<{ info: { title: string } }>))
      assert.strictEqual(docs.status, 200)
      assert.strictEqual(openapi.info.title, "baton")
    }), 30_000)

  it.scopedLive("on SIGTERM stops the server and the dispatcher and exits 0", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const service = yield* startService(port, { BATON_DATA_DIR: freshDataDir() })
      yield* waitReady(port, service)
      service.child.kill("SIGTERM")
      assert.strictEqual(yield* service.exited, 0)
      assert.include(service.output(), "http server draining")
      assert.include(service.output(), "outbox dispatcher stopped")
      const refused = yield* Effect.either(Effect.tryPromise(() => fetch(`http://127.0.0.1:${port}/health/live`)))
      assert.strictEqual(refused._tag, "Left")
    }), 30_000)
})
