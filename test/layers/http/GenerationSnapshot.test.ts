import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as BatonHttp from "../../../src/layers/http/HttpServer.js"
import * as RecordingNotificationChannels from "../../../src/layers/memory/RecordingNotificationChannels.js"
import { AccessGeneration } from "../../../src/layers/sql/AccessGeneration.js"
import * as Database from "../../../src/layers/sql/Database.js"
import * as Migrations from "../../../src/layers/sql/Migrations.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import { createAdmin, loginAs, request } from "../../support/AuthClient.js"
import * as Workflows from "../../support/Workflows.js"

/** The whole server on a SQLite file whose access generation counts its reads in `reads.count`. */
const countingServer = (reads: { count: number }) => {
  const database = Layer.unwrapScoped(
    Effect.map(
      Effect.acquireRelease(Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-snapshot-"))), (dir) =>
        Effect.sync(() => rmSync(dir, { recursive: true, force: true }))),
      (dir) => Migrations.layer.pipe(Layer.provideMerge(Database.sqlite(join(dir, "baton.db"))))
    )
  )
  const counting = Layer.effect(
    AccessGeneration,
    Effect.map(AccessGeneration, (generation) => AccessGeneration.of({ read: () => (reads.count += 1, generation.read()) }))
  )
  const ports = SqlPorts.layer.pipe(
    Layer.provideMerge(RecordingNotificationChannels.layer()),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(counting.pipe(Layer.provideMerge(database)))
  )
  return BatonHttp.app.pipe(Layer.provideMerge(Workflows.inMemory), Layer.provideMerge(ports), Layer.provideMerge(NodeHttpServer.layerTest), Layer.orDie)
}

describe("one access-generation read per safe request (SQLite)", () => {
  it.live("GET reads the generation once for all its remembered rows; other methods read it for each", () => {
    const reads = { count: 0 }
    return Effect.gen(function*() {
      yield* createAdmin("ada@example.com", "correct horse battery staple")
      const { token } = yield* loginAs("ada@example.com", "correct horse battery staple")
      for (let n = 0; n < 3; n++) {
        reads.count = 0
        assert.strictEqual((yield* request("GET", "/me", { bearer: token })).status, 200)
        assert.strictEqual(reads.count, 1, "session, account, idle timeout and TOTP state on one reading")
      }
      reads.count = 0
      assert.strictEqual((yield* request("POST", "/auth/logout", { bearer: token })).status, 204)
      assert.isAtLeast(reads.count, 2, "the bearer check of a POST reads it for the session and for the account")
      assert.strictEqual((yield* request("GET", "/me", { bearer: token })).status, 401, "the logout is seen by the next request")
    }).pipe(Effect.provide(countingServer(reads)))
  })
})
