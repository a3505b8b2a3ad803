import * as Migrator from "@effect/sql/Migrator"
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { type Effect, Layer } from "effect"
import * as Access from "./migrations/Access.js"
import * as AccessGeneration from "./migrations/AccessGeneration.js"
import * as Audit from "./migrations/Audit.js"
import * as Commerce from "./migrations/Commerce.js"
import * as Foundation from "./migrations/Foundation.js"
import * as Fulfilment from "./migrations/Fulfilment.js"
import * as Identity from "./migrations/Identity.js"
import * as Lifecycle from "./migrations/Lifecycle.js"
import * as Supply from "./migrations/Supply.js"
import * as Modules from "./migrations/Modules.js"
import * as Returns from "./migrations/Returns.js"

/**
 * baton's schema, in order: one module of migrations per context under `./migrations`, each
 * keyed `<number>_<name>` in its own number range. Tables are prefixed `baton_` so that baton can
 * share a database with its host. Migrations are dialect-neutral SQL, or branch on the dialect
 * explicitly (`./migrations/Dialect.ts`).
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  ...Foundation.migrations,
  ...Identity.migrations,
  ...Access.migrations,
  ...Audit.migrations,
  ...Lifecycle.migrations,
  ...Supply.migrations,
  ...Commerce.migrations,
  ...Modules.migrations,
  ...Fulfilment.migrations,
  ...Returns.migrations,
  ...AccessGeneration.migrations
}

/** Applies the migrations not yet applied (recorded in `baton_migrations`); returns those applied now. */
export const run = Migrator.make({})({ loader: Migrator.fromRecord(migrations), table: "baton_migrations" })

/** Migrates at layer construction. */
export const layer: Layer.Layer<never, Migrator.MigrationError | SqlError, SqlClient.SqlClient> =
  Layer.effectDiscard(run)
