import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as RecordingNotificationChannels from "../../../src/layers/memory/RecordingNotificationChannels.js"
import * as Database from "../../../src/layers/sql/Database.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import { Installations } from "../../../src/orchestration/modules/Installations.js"
import { TenantStorage } from "../../../src/orchestration/modules/TenantStorage.js"
import { createTenant, publishShipped } from "../../support/Modules.js"
import { freePort, startService, waitReady } from "../../support/ServiceProcess.js"

const tenants = Array.from({ length: 40 }, (_, i) => `tenant-${String(i).padStart(2, "0")}`)
const email = "root@example.com"
const password = "a crash test passphrase"

/** Baton's ports over the service's database file, from this process (arranging and inspecting). */
const onFile = (dataDir: string) =>
  SqlPorts.layer.pipe(
    Layer.provide(RecordingNotificationChannels.layer()),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(Database.sqlite(join(dataDir, "baton.db"))),
    Layer.orDie
  )

const states = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ tenant_id: string; state: string; queued: number }>`SELECT tenant_id, state, queued FROM baton_module_jobs WHERE module = 'Loyalty'`)

const post = (port: number, path: string, body: unknown, bearer?: string) =>
  Effect.promise(() =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }) },
      body: JSON.stringify(body)
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { sessionToken?: string } }))
  )

describe("installations survive the server being killed (kill -9) mid-way", () => {
  it.scopedLive("every job of many tenants ends Active or Failed after a restart, and no tenant is half-installed", () =>
    Effect.gen(function*() {
      const dataDir = mkdtempSync(join(tmpdir(), "baton-install-crash-"))
      const env = { BATON_DATA_DIR: dataDir, BATON_MODULES_POLL_MS: "50", BATON_BOOTSTRAP_EMAIL: email, BATON_BOOTSTRAP_PASSWORD: password }
      const first = yield* Effect.flatMap(freePort, (port) => Effect.map(startService(port, env), (service) => ({ port, service })))
      yield* waitReady(first.port, first.service)
      yield* Effect.gen(function*() {
        yield* publishShipped
        for (const tenant of tenants) yield* createTenant(tenant)
      }).pipe(Effect.provide(onFile(dataDir)))

      const token = (yield* post(first.port, "/auth/login", { email, password })).body.sessionToken ?? ""
      const accepted = yield* Effect.all(tenants.map((t) => post(first.port, `/tenants/${t}/modules/Loyalty/installations`, {}, token)), { concurrency: 8 })
      assert.isTrue(accepted.every((a) => a.status === 202), JSON.stringify(accepted.find((a) => a.status !== 202)))

      const atKill = yield* states.pipe(
        Effect.delay("5 millis"),
        Effect.repeat({ until: (rows) => rows.filter((r) => r.state === "Active").length >= 4 }),
        Effect.provide(onFile(dataDir))
      )
      first.service.child.kill("SIGKILL")
      assert.strictEqual(yield* first.service.exited, "SIGKILL")
      const unsettled = atKill.filter((r) => r.state !== "Active" && r.state !== "Failed")
      assert.isAbove(unsettled.length, 0, "jobs were still in flight at the kill")

      const port = yield* freePort
      const restartedAt = Date.now()
      const second = yield* startService(port, env)
      yield* waitReady(port, second)
      const after = yield* states.pipe(
        Effect.delay("200 millis"),
        Effect.repeat({ until: (rows) => rows.every((r) => (r.state === "Active" || r.state === "Failed") && r.queued === 0) }),
        Effect.timeout("120 seconds"),
        Effect.provide(onFile(dataDir))
      )
      const settledIn = Date.now() - restartedAt
      assert.strictEqual(after.length, tenants.length)
      yield* Effect.gen(function*() {
        for (const { state, tenant_id } of after) {
          const tenantId = TenantId.make(tenant_id)
          const installed = (yield* (yield* Installations).installed(tenantId)).map((m) => `${m.name}@${m.version}:${m.status}`)
          const snapshot = yield* (yield* TenantStorage).snapshot(tenantId)
          if (state === "Active") {
            assert.deepStrictEqual(installed, ["Contacts@1.0.0:active", "DigitalCard@1.0.0:active", "Loyalty@1.0.0:active"], tenant_id)
            assert.deepStrictEqual(snapshot.tables.map((t) => t.name), ["contacts", "digital_card_templates", "digital_cards", "loyalty_accounts"], tenant_id)
            assert.strictEqual(snapshot.ledger.length, 6, tenant_id)
          } else {
            assert.deepStrictEqual([installed, snapshot.tables, snapshot.ledger], [[], [], []], `${tenant_id} failed and is as before`)
          }
        }
      }).pipe(Effect.provide(onFile(dataDir)))
      console.log(`at the kill: ${unsettled.length} of ${tenants.length} jobs in flight; after the restart: ${after.filter((r) => r.state === "Active").length} Active, ${after.filter((r) => r.state === "Failed").length} Failed, ${settledIn} ms after the restart`)
    }), 240_000)
})
