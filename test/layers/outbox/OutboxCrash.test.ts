import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Database from "../../../src/layers/sql/Database.js"
import { freePort, runCli, startService, waitReady } from "../../support/ServiceProcess.js"
import * as WebhookReceiver from "../../support/WebhookReceiver.js"

const secret = "a-webhook-secret-of-at-least-32-characters"

const inspect = (dataDir: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const audit = yield* sql<{ action: string; outcome: string }>`SELECT action, outcome FROM baton_audit_log ORDER BY seq`
    const outbox = yield* sql<{ destination: string; status: string }>`SELECT destination, status FROM baton_outbox`
    return { audit, outbox }
  }).pipe(Effect.provide(Database.sqlite(join(dataDir, "baton.db"))), Effect.orDie)

describe("outbox guarantee (c): a crash between commit and delivery", () => {
  it.scopedLive("delivers after a restart what was committed but not delivered when the process was killed", () =>
    Effect.gen(function*() {
      const receiver = yield* WebhookReceiver.make((n) => (n === 1 ? "hold" : 204))
      const dataDir = mkdtempSync(join(tmpdir(), "baton-crash-"))
      const env = {
        BATON_DATA_DIR: dataDir,
        BATON_WEBHOOK_URL: receiver.url,
        BATON_WEBHOOK_SECRET: secret,
        BATON_OUTBOX_POLL_MS: "100",
        BATON_OUTBOX_LEASE_MS: "1000"
      }

      const firstPort = yield* freePort
      const first = yield* startService(firstPort, env)
      yield* waitReady(firstPort, first)
      const set = yield* runCli(["settings", "set", "platform.displayName", "Crash test"], env)
      assert.strictEqual(set.code, 0, set.output)

      yield* WebhookReceiver.eventually("the first delivery attempt in flight", () => receiver.received().length === 1, 15_000)
      first.child.kill("SIGKILL")
      assert.strictEqual(yield* first.exited, "SIGKILL")
      const afterCrash = yield* inspect(dataDir)
      assert.deepStrictEqual(afterCrash.outbox, [{ destination: "webhook", status: "pending" }], "the webhook delivery survived the crash")

      const port = yield* freePort
      const second = yield* startService(port, env)
      yield* waitReady(port, second)
      yield* WebhookReceiver.eventually("the delivery completed after the restart", () => receiver.received().length === 2, 15_000)
      const [held, delivered] = receiver.received()
      assert.strictEqual(delivered?.answer, 204)
      assert.strictEqual(delivered?.headers["x-baton-delivery"], held?.headers["x-baton-delivery"], "the same delivery, not a new one")
      assert.strictEqual(JSON.parse(delivered?.body ?? "{}").data.value, "Crash test")

      yield* WebhookReceiver.eventually(
        "an empty outbox",
        Effect.map(inspect(dataDir), ({ outbox }) => outbox.length === 0)
      )
      const { audit } = yield* inspect(dataDir)
      assert.deepStrictEqual(audit, [{ action: "settings.set", outcome: "SettingUpdated" }], "audited exactly once")
    }), 60_000)
})
