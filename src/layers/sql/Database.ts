import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { type ConfigError, Effect, Layer, type Redacted } from "effect"
import type { DatabaseConfig } from "../config/BatonConfig.js"
import * as AccessGeneration from "./AccessGeneration.js"

/**
 * SQLite tuned for a service: WAL (the client's default) with `synchronous = NORMAL` (durable
 * across process crashes; a power loss may drop the last commits), a busy timeout so the CLI and
 * the server can share the file, and foreign keys on.
 */
const sqlitePragmas = Layer.effectDiscard(
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`PRAGMA busy_timeout = 5000`
    yield* sql`PRAGMA synchronous = NORMAL`
    yield* sql`PRAGMA foreign_keys = ON`
  })
)

/**
 * A SQLite file, with its access generation (`AccessGeneration`: what lets the adapters serve
 * authentication and authorization reads from memory, see `CommittedReads`). An in-memory database
 * has none: no second connection can see it.
 */
export const sqlite = (filename: string): Layer.Layer<SqlClient.SqlClient | AccessGeneration.AccessGeneration, ConfigError.ConfigError | SqlError> => {
  const inMemory = filename === ":memory:"
  if (!inMemory) mkdirSync(dirname(filename), { recursive: true })
  const generation = inMemory ? AccessGeneration.layerNone : AccessGeneration.layerSqlite(filename)
  return Layer.merge(sqlitePragmas, generation).pipe(Layer.provideMerge(SqliteClient.layer({ filename })))
}

export const postgres = (url: Redacted.Redacted): Layer.Layer<SqlClient.SqlClient, SqlError> =>
  PgClient.layer({ url, applicationName: "baton" })

/** The SQL client for the configured database. */
export const layer = (config: DatabaseConfig): Layer.Layer<SqlClient.SqlClient, ConfigError.ConfigError | SqlError> =>
  config._tag === "Sqlite" ? sqlite(config.filename) : postgres(config.url)
