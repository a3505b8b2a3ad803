import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Database from "../../../src/layers/sql/Database.js"
import { freePort, runCli, startService, waitReady } from "../../support/ServiceProcess.js"
import * as WebhookReceiver from "../../support/WebhookReceiver.js"

const onDatabase = <A>(dataDir: string, f: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
  Effect.flatMap(SqlClient.SqlClient, f).pipe(Effect.provide(Database.sqlite(join(dataDir, "baton.db"))), Effect.orDie)

const login = (port: number, password: string) =>
  Effect.promise(() =>
    fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "root@example.com", password })
    }).then((response) => response.status)
  )

describe("`baton audit verify` beside a running service", () => {
  it.scopedLive("reports the chain the service appended intact, then the record edited in the database file (exit 1)", () =>
    Effect.gen(function*() {
      const dataDir = mkdtempSync(join(tmpdir(), "baton-audit-"))
      const env = {
        BATON_DATA_DIR: dataDir,
        BATON_OUTBOX_POLL_MS: "100",
        BATON_BOOTSTRAP_EMAIL: "root@example.com",
        BATON_BOOTSTRAP_PASSWORD: "bootstrap passphrase 42"
      }
      const port = yield* freePort
      const service = yield* startService(port, env)
      yield* waitReady(port, service)
      const [set, ...statuses] = yield* Effect.all([
        runCli(["settings", "set", "platform.displayName", "Audited"], env),
        login(port, "wrong passphrase 1"),
        login(port, "wrong passphrase 2"),
        login(port, "bootstrap passphrase 42")
      ], { concurrency: "unbounded" })
      assert.strictEqual(set?.code, 0, set?.output)
      assert.sameMembers(statuses, [401, 401, 200])
      const counts = onDatabase(dataDir, (sql) =>
        sql<{ pending: number; audited: number }>`SELECT
          (SELECT COUNT(*) FROM baton_outbox WHERE status = 'pending') AS pending,
          (SELECT COUNT(*) FROM baton_audit_log) AS audited`)
      yield* WebhookReceiver.eventually("every audit record appended", Effect.map(counts, ([c]) => Number(c?.pending) === 0 && Number(c?.audited) >= 6), 15_000)
      const intact = yield* runCli(["audit", "verify"], env)
      assert.strictEqual(intact.code, 0, intact.output)
      assert.match(intact.output, /intact: \d+ records; head \d+ [0-9a-f]{64}/)

      yield* onDatabase(dataDir, (sql) =>
        sql`DROP TRIGGER baton_audit_log_no_update`.pipe(Effect.zipRight(sql`UPDATE baton_audit_log SET outcome = 'Nothing' WHERE chain_seq = 2`)))
      const broken = yield* runCli(["audit", "verify"], env)
      assert.strictEqual(broken.code, 1, broken.output)
      assert.match(broken.output, /baton: the audit chain is broken at 2: edited/)
    }), 60_000)
})
