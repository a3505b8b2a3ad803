import type * as SqlClient from "@effect/sql/SqlClient"
import { assert } from "@effect/vitest"
import { Layer, Schema } from "effect"
import * as UuidV7Ids from "../../src/layers/crypto/UuidV7Ids.js"
import * as MemoryAccounts from "../../src/layers/memory/MemoryAccounts.js"
import * as MemoryApiTokens from "../../src/layers/memory/MemoryApiTokens.js"
import * as MemoryDatabase from "../../src/layers/memory/MemoryDatabase.js"
import * as MemorySessions from "../../src/layers/memory/MemorySessions.js"
import * as SequentialIds from "../../src/layers/memory/SequentialIds.js"
import * as SqlAccounts from "../../src/layers/sql/SqlAccounts.js"
import * as SqlApiTokens from "../../src/layers/sql/SqlApiTokens.js"
import * as SqlSessions from "../../src/layers/sql/SqlSessions.js"
import type { Accounts } from "../../src/orchestration/identity/Accounts.js"
import type { ApiTokens } from "../../src/orchestration/identity/ApiTokens.js"
import type { Sessions } from "../../src/orchestration/identity/Sessions.js"
import { sqlDatabases } from "./TestDatabases.js"

export type IdentityPorts = Accounts | Sessions | ApiTokens

export interface IdentityFamily {
  readonly name: string
  readonly skip: boolean
  /** The identity ports over fresh, empty storage on every build. */
  readonly layer: Layer.Layer<IdentityPorts>
}

export interface SqlIdentityFamily extends IdentityFamily {
  /** The same, with the SQL client underneath, for tests that read the stored rows. */
  readonly layer: Layer.Layer<IdentityPorts | SqlClient.SqlClient>
}

const memory: IdentityFamily = {
  name: "memory",
  skip: false,
  layer: Layer.mergeAll(MemoryAccounts.layer, MemorySessions.layer, MemoryApiTokens.layer).pipe(
    Layer.provide(Layer.merge(MemoryDatabase.layer, SequentialIds.layer))
  )
}

/** SQLite and (when reachable) PostgreSQL, each a new migrated database per build. */
export const sqlIdentityFamilies: ReadonlyArray<SqlIdentityFamily> = sqlDatabases.map((database) => ({
  name: database.name,
  skip: database.skip,
  layer: Layer.mergeAll(SqlAccounts.layer, SqlSessions.layer, SqlApiTokens.layer).pipe(
    Layer.provide(UuidV7Ids.layer),
    Layer.provideMerge(database.layer)
  )
}))

/** Memory, SQLite and PostgreSQL: the adapters the identity contract suites run against. */
export const identityFamilies: ReadonlyArray<IdentityFamily> = [memory, ...sqlIdentityFamilies]

/**
 * Asserts that two values are equal in their encoded (plain JSON) form. chai's `deepStrictEqual`
 * is not reliable on Effect data: it holds `Option.some(x)` equal to `Option.none()` (when the
 * keys differ it falls back to comparing iterators, and every Option iterates one opaque value).
 */
export const assertEncoded = <A, I>(schema: Schema.Schema<A, I>, actual: A, expected: A): void =>
  assert.deepStrictEqual(Schema.encodeSync(schema)(actual), Schema.encodeSync(schema)(expected))
