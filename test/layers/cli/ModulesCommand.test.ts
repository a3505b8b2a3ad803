import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as RecordingNotificationChannels from "../../../src/layers/memory/RecordingNotificationChannels.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import { createTenant, publish } from "../../support/Modules.js"
import * as Database from "../../../src/layers/sql/Database.js"
import { freePort, runCli, startService, waitReady } from "../../support/ServiceProcess.js"

/** The tenant, and Contacts published, written straight to the service's database (arranging, not exercising the CLI). */
const arrange = (dataDir: string) =>
  Effect.gen(function*() {
    yield* createTenant("acme")
    yield* publish(["Contacts", "1.0.0"])
  }).pipe(
    Effect.provide(SqlPorts.layer.pipe(
      Layer.provide(RecordingNotificationChannels.layer()),
      Layer.provide(CryptoKit.layerEphemeral()),
      Layer.provideMerge(Database.sqlite(join(dataDir, "baton.db")))
    )),
    Effect.orDie
  )

describe("`modules` on the command line", () => {
  it.scopedLive("registers and publishes modules, installs one into a tenant with a progress line per step (the service runs the job), and shows its history", () =>
    Effect.gen(function*() {
      const env = { BATON_DATA_DIR: mkdtempSync(join(tmpdir(), "baton-modules-cli-")), BATON_MODULES_POLL_MS: "100" }
      const port = yield* freePort
      const service = yield* startService(port, env)
      yield* waitReady(port, service)
      yield* arrange(env.BATON_DATA_DIR)
      const registered = yield* runCli(["modules", "register", "--module", "DigitalCard", "--version", "1.0.0"], env)
      assert.deepStrictEqual([registered.code, registered.output.trim().split("\n").pop()], [0, "DigitalCard@1.0.0: ModuleRegistered"])
      const published = yield* runCli(["modules", "publish", "--module", "DigitalCard", "--version", "1.0.0"], env)
      assert.deepStrictEqual([published.code, published.output.trim().split("\n").pop()], [0, "DigitalCard@1.0.0: ModulePublished"])

      const installed = yield* runCli(["modules", "install", "--tenant", "acme", "--module", "DigitalCard", "--timeout", "30"], env)
      assert.strictEqual(installed.code, 0, installed.output)
      const lines = installed.output.trim().split("\n")
      const id = /^job (\S+): DigitalCard@1\.0\.0 into acme$/.exec(lines[0] ?? "")?.[1]
      assert.isDefined(id, installed.output)
      assert.match(lines[lines.length - 1] ?? "", /^\[#{24}\]  7\/7  Active\s+activate Contacts@1\.0\.0, DigitalCard@1\.0\.0$/)
      assert.isAtLeast(lines.length, 2, "the job, then its progress")

      const status = yield* runCli(["modules", "status", id ?? ""], env)
      assert.strictEqual(status.code, 0, status.output)
      assert.include(status.output, "Validating")
      assert.include(status.output, "backup of the tenant's storage")
    }), 90_000)
})
