import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as SqlClient from "@effect/sql/SqlClient"
import Sqlite from "better-sqlite3"
import { Context, Effect, Layer } from "effect"
import type * as Fiber from "effect/Fiber"
import { constUndefined } from "effect/Function"
import { globalValue } from "effect/GlobalValue"

/**
 * The access generation of a SQLite database: a number its triggers bump in the same transaction
 * as every committed change to the rows authentication and authorization read (see
 * `migrations/AccessGeneration.ts`), whoever writes. It is read on a connection of its own, which
 * sees committed data only: a value unchanged since a row was read means that row is unchanged.
 */
export class AccessGeneration extends Context.Tag("baton/layers/sql/AccessGeneration")<AccessGeneration, {
  /** The committed generation now, read synchronously; `undefined` when it cannot be read (nothing is trusted then). */
  readonly read: () => number | undefined
}>() {}

/** One read of the generation shared by everything one request runs, forked fibers included. */
interface Snapshot {
  taken: boolean
  value: number | undefined
}

/** The snapshots of requests, by the platform's request object (stable under routing and mounting). */
const snapshots = globalValue("baton/layers/sql/AccessGeneration/snapshots", () => new WeakMap<object, Snapshot>())

/** The platform's request behind `request`: the same object when a router slices the URL. */
const sourceOf = (request: HttpServerRequest.HttpServerRequest | undefined): object | undefined =>
  typeof request?.source === "object" && request.source !== null ? request.source : undefined

/**
 * Gives `request` one reading of the generation: the first committed read while serving it reads
 * the generation, later ones reuse that value (each read costs a statement on the second
 * connection). Everything the request reads from memory is then as of one moment at or after it
 * started, as if it had run then. The request must not write and then expect to read its own
 * writes from memory: the HTTP server registers safe requests (`GET`, `HEAD`) only.
 *
 * The snapshot is bound to the request itself (a weak map keyed by the platform's request), so it
 * opens no fiber-local scope (`Effect.locally` would cost every safe request ≈ 20 fiber steps);
 * `endSnapshot` ends it when the handler has answered.
 */
export const snapshotRequest = (request: HttpServerRequest.HttpServerRequest): void => {
  const source = sourceOf(request)
  if (source !== undefined) snapshots.set(source, { taken: false, value: undefined })
}

/**
 * Ends `request`'s snapshot once its handler has answered: what still runs with the request in
 * its context afterwards — a response body streamed for minutes, such as a job's event stream —
 * reads the generation on every remembered read, so that a revocation stops it at once.
 */
export const endSnapshot = (request: HttpServerRequest.HttpServerRequest): void => {
  const source = sourceOf(request)
  if (source !== undefined) snapshots.delete(source)
}

/** The generation `fiber` works with: its request's snapshot's, taken now if it has not been, or a fresh read. */
export const currentFor = (fiber: Fiber.RuntimeFiber<unknown, unknown>, generation: AccessGeneration["Type"]): number | undefined => {
  const source = sourceOf(Context.getOrElse(fiber.currentContext, HttpServerRequest.HttpServerRequest, constUndefined))
  const shared = source === undefined ? undefined : snapshots.get(source)
  if (shared === undefined) return generation.read()
  if (!shared.taken) {
    shared.value = generation.read()
    shared.taken = true
  }
  return shared.value
}

const query = "SELECT value FROM baton_access_generation WHERE id = 1"

/**
 * The generation of the SQLite file `filename`, read synchronously (a few microseconds) on a
 * second connection opened after the main one. Until the migration has created the table, it is
 * `undefined`.
 */
export const layerSqlite = (filename: string): Layer.Layer<AccessGeneration, never, SqlClient.SqlClient> =>
  Layer.scoped(
    AccessGeneration,
    Effect.gen(function*() {
      yield* SqlClient.SqlClient
      const db = yield* Effect.acquireRelease(
        Effect.sync(() => new Sqlite(filename, { readonly: true, fileMustExist: true })),
        (db) => Effect.sync(() => db.close())
      )
      let statement: Sqlite.Statement<[], number> | undefined
      return AccessGeneration.of({
        read: () => {
          try {
            statement ??= db.prepare<[], number>(query).pluck()
            return statement.get()
          } catch {
            return undefined
          }
        }
      })
    })
  )

/** No generation (a database no second connection can see): every read goes to the database. */
export const layerNone: Layer.Layer<AccessGeneration> = Layer.succeed(AccessGeneration, AccessGeneration.of({ read: () => undefined }))
