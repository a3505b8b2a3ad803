import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { freePort, runCli, startService, waitReady } from "./support/ServiceProcess.js"

const passphrase = "a long and unusual passphrase"

const fetchJson = (port: number, path: string, init: { readonly method?: string; readonly bearer?: string; readonly body?: unknown } = {}) =>
  Effect.promise(() =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", ...(init.bearer === undefined ? {} : { authorization: `Bearer ${init.bearer}` }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { _tag: string; sessionToken?: string } }))
  )

describe("admin suspend | reinstate | disable from the command line (break-glass)", () => {
  it.scopedLive("end a running service's sessions of the admin at once; LastPlatformAdmin and the lifecycle still hold", () =>
    Effect.gen(function*() {
      const env = { BATON_DATA_DIR: mkdtempSync(join(tmpdir(), "baton-cli-")) }
      for (const email of ["root@example.com", "ada@example.com"]) {
        const created = yield* runCli(["admin", "create", "--email", email, "--password-stdin"], env, `${passphrase}\n`)
        assert.strictEqual(created.code, 0, created.output)
      }
      const port = yield* freePort
      const service = yield* startService(port, env)
      yield* waitReady(port, service)
      const login = yield* fetchJson(port, "/auth/login", { method: "POST", body: { email: "ada@example.com", password: passphrase } })
      assert.strictEqual(login.status, 200)
      const bearer = login.body.sessionToken ?? assert.fail("no session")

      const suspended = yield* runCli(["admin", "suspend", "--email", "ADA@example.com", "--reason", "incident 42"], env)
      assert.deepStrictEqual([suspended.code, suspended.output.trim()], [0, "ada@example.com is suspended (sessions ended: 1, API tokens revoked: 0)"])
      assert.strictEqual((yield* fetchJson(port, "/me", { bearer })).status, 401, "the service sees the suspension at once")

      const last = yield* runCli(["admin", "disable", "--email", "root@example.com"], env)
      assert.deepStrictEqual([last.code, last.output.trim()], [1, "baton: root@example.com is the last active platform admin"])
      const reinstated = yield* runCli(["admin", "reinstate", "--email", "ada@example.com"], env)
      assert.deepStrictEqual([reinstated.code, reinstated.output.trim()], [0, "ada@example.com is active again (its former sessions and API tokens stay ended)"])
      assert.strictEqual((yield* fetchJson(port, "/me", { bearer })).status, 401, "the old session stays ended")
      const again = yield* runCli(["admin", "reinstate", "--email", "ada@example.com"], env)
      assert.deepStrictEqual([again.code, again.output.trim()], [1, "baton: ada@example.com is active: it cannot become active"])
      const unknown = yield* runCli(["admin", "suspend", "--email", "nobody@example.com"], env)
      assert.deepStrictEqual([unknown.code, unknown.output.trim()], [1, "baton: no account nobody@example.com"])
    }), 120_000)
})
