import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import Sqlite from "better-sqlite3"
import { Effect } from "effect"
import { freePort, runCli, startService, waitReady } from "./support/ServiceProcess.js"

const freshDataDir = () => mkdtempSync(join(tmpdir(), "baton-cli-"))

/** The stored password hashes of a data dir's SQLite file. */
const storedHashes = (dataDir: string) =>
  Effect.acquireUseRelease(
    Effect.sync(() => new Sqlite(join(dataDir, "baton.db"), { readonly: true, fileMustExist: true })),
    (db) => Effect.sync(() => db.prepare<[], string>("SELECT hash FROM baton_passwords").pluck().all()),
    (db) => Effect.sync(() => db.close())
  )

const loginStatus = (port: number, email: string, password: string) =>
  Effect.promise(() =>
    fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password })
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { _tag: string; sessionToken?: string } }))
  )

describe("admin accounts from the command line and the environment", () => {
  it.scopedLive("`admin create --password-stdin` creates an admin who can log in; refusals exit 1 with the reason", () =>
    Effect.gen(function*() {
      const env = { BATON_DATA_DIR: freshDataDir() }
      const created = yield* runCli(["admin", "create", "--email", "Ops@Example.com", "--password-stdin"], env, "a long and unusual passphrase\n")
      assert.strictEqual(created.code, 0, created.output)
      assert.match(created.output, /created ops@example\.com \(/)
      const again = yield* runCli(["admin", "create", "--email", "ops@example.com", "--password-stdin"], env, "another long passphrase\n")
      assert.deepStrictEqual([again.code, again.output.trim()], [1, "baton: an account with that email exists"])
      const weak = yield* runCli(["admin", "create", "--email", "weak@example.com", "--password-stdin"], env, "password1234\n")
      assert.strictEqual(weak.code, 1)
      assert.include(weak.output, "is a commonly used password")
      const port = yield* freePort
      const service = yield* startService(port, env)
      yield* waitReady(port, service)
      const login = yield* loginStatus(port, "ops@example.com", "a long and unusual passphrase")
      assert.deepStrictEqual([login.status, login.body._tag], [200, "Authenticated"])
    }), 60_000)

  it.scopedLive("BATON_BOOTSTRAP_EMAIL and BATON_BOOTSTRAP_PASSWORD create the first admin of an empty database", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const env = { BATON_DATA_DIR: freshDataDir(), BATON_BOOTSTRAP_EMAIL: "root@example.com", BATON_BOOTSTRAP_PASSWORD: "bootstrap passphrase 42" }
      const service = yield* startService(port, env)
      yield* waitReady(port, service)
      assert.include(service.output(), "bootstrap: created the first admin root@example.com")
      const login = yield* loginStatus(port, "root@example.com", "bootstrap passphrase 42")
      assert.strictEqual(login.status, 200)
      const me = yield* Effect.promise(() =>
        fetch(`http://127.0.0.1:${port}/me`, { headers: { authorization: `Bearer ${login.body.sessionToken}` } }).then((r) => r.json() as Promise<{ account: { email: string } }>)
      )
      assert.strictEqual(me.account.email, "root@example.com")
    }), 60_000)

  it.scopedLive("a bootstrap password the policy refuses stops the start with the reason", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const service = yield* startService(port, { BATON_DATA_DIR: freshDataDir(), BATON_BOOTSTRAP_EMAIL: "root@example.com", BATON_BOOTSTRAP_PASSWORD: "short" })
      assert.strictEqual(yield* service.exited, 1)
      assert.include(service.output(), "BATON_BOOTSTRAP_PASSWORD must be at least 12 characters")
      assert.notMatch(service.output(), /\n\s+at /, "no stack trace")
    }), 60_000)

  it.scopedLive("stronger Argon2id parameters hash a password again at its next login; weaker than OWASP's minimum stop the start", () =>
    Effect.gen(function*() {
      const dataDir = freshDataDir()
      const created = yield* runCli(["admin", "create", "--email", "ops@example.com", "--password-stdin"], { BATON_DATA_DIR: dataDir }, "a long and unusual passphrase\n")
      assert.strictEqual(created.code, 0, created.output)
      assert.match((yield* storedHashes(dataDir))[0]!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)

      const port = yield* freePort
      const service = yield* startService(port, { BATON_DATA_DIR: dataDir, BATON_ARGON2_MEMORY_KIB: "24576", BATON_ARGON2_PASSES: "3" })
      yield* waitReady(port, service)
      const login = yield* loginStatus(port, "ops@example.com", "a long and unusual passphrase")
      assert.deepStrictEqual([login.status, login.body._tag], [200, "Authenticated"])
      assert.match((yield* storedHashes(dataDir))[0]!, /^\$argon2id\$v=19\$m=24576,t=3,p=1\$/)

      const weak = yield* startService(yield* freePort, { BATON_DATA_DIR: dataDir, BATON_ARGON2_MEMORY_KIB: "19456", BATON_ARGON2_PASSES: "1" })
      assert.strictEqual(yield* weak.exited, 1)
      assert.include(weak.output(), "baton: configuration error")
      assert.include(weak.output(), "BATON_ARGON2_MEMORY_KIB")
      assert.include(weak.output(), "with 1 pass(es) the memory must be at least 47104 KiB")
      assert.notMatch(weak.output(), /\n\s+at /, "no stack trace")
    }), 60_000)
})
