import { mkdtempSync, rmSync } from "node:fs"
import { createConnection } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type * as SqlClient from "@effect/sql/SqlClient"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Redacted } from "effect"
import * as Database from "../../src/layers/sql/Database.js"
import * as Migrations from "../../src/layers/sql/Migrations.js"

/**
 * Fresh, migrated databases for tests: a new SQLite file, or a new PostgreSQL database created
 * on the server of `BATON_TEST_DATABASE_URL` (default: the local server, database `test`) and
 * dropped afterwards. Each build of a layer is a new, empty database.
 */
export const postgresUrl = new URL(process.env["BATON_TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test")

const reachable = (url: URL) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 5432) })
    socket.setTimeout(1000)
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
    socket.once("error", () => resolve(false))
  })

/** Whether the PostgreSQL server answers; the PostgreSQL suites skip, saying why, when it does not. */
export const postgresAvailable = await reachable(postgresUrl)
if (!postgresAvailable) {
  console.warn(`PostgreSQL suites skipped: nothing answers at ${postgresUrl.host} (set BATON_TEST_DATABASE_URL)`)
}

/** A migrated SQLite database in a new temporary file, removed afterwards. */
export const sqlite: Layer.Layer<SqlClient.SqlClient> = Layer.unwrapScoped(
  Effect.gen(function*() {
    const dir = yield* Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-test-"))),
      (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
    )
    return Migrations.layer.pipe(Layer.provideMerge(Database.sqlite(join(dir, "baton.db"))))
  })
).pipe(Layer.orDie)

const admin = PgClient.layer({ url: Redacted.make(postgresUrl.href) })

/** A migrated PostgreSQL database, new and empty, dropped afterwards. */
export const postgres: Layer.Layer<SqlClient.SqlClient> = Layer.unwrapScoped(
  Effect.gen(function*() {
    const name = `baton_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
    yield* Effect.acquireRelease(
      Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`CREATE DATABASE ${name}`)).pipe(Effect.provide(admin)),
      () =>
        Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).pipe(
          Effect.provide(admin),
          Effect.orDie
        )
    )
    const url = new URL(postgresUrl.href)
    url.pathname = `/${name}`
    return Migrations.layer.pipe(Layer.provideMerge(Database.postgres(Redacted.make(url.href))))
  })
).pipe(Layer.orDie)

/** The SQL databases to run a contract suite against: SQLite always, PostgreSQL when reachable. */
export const sqlDatabases: ReadonlyArray<{ readonly name: string; readonly layer: Layer.Layer<SqlClient.SqlClient>; readonly skip: boolean }> = [
  { name: "sqlite", layer: sqlite, skip: false },
  { name: "postgres", layer: postgres, skip: !postgresAvailable }
]

