import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { Clock, Effect, Layer, Schema } from "effect"
import { Destination, Intent, OutboxEntry } from "../../domain/outbox/OutboxEntry.js"
import { Outbox } from "../../orchestration/outbox/Outbox.js"
import { SecretBox } from "../crypto/SecretBox.js"
import * as OutboxSecrets from "./OutboxSecrets.js"
import { mapErrors, SqlNullableNumber, SqlNumber } from "./SqlErrors.js"

const EntryRow = Schema.Struct({
  id: OutboxEntry.fields.id,
  destination: Destination,
  intent: Schema.parseJson(Intent),
  attempts: Schema.compose(SqlNumber, OutboxEntry.fields.attempts)
})

const ListedRow = Schema.Struct({
  ...EntryRow.fields,
  status: Schema.Literal("pending", "dead"),
  next_attempt_at: SqlNumber,
  last_error: Schema.NullOr(Schema.String)
})

const StatsRow = Schema.Struct({ pending: SqlNumber, dead: SqlNumber, oldest: SqlNullableNumber })

/** `EntryRow` has just decoded every field with the entry's own schemas: no second validation. */
const toEntry = (row: typeof EntryRow.Type) =>
  new OutboxEntry({ id: row.id, destination: row.destination, intent: row.intent, attempts: row.attempts }, { disableValidation: true })

const encodeIntent = Schema.encode(Schema.parseJson(Intent))

/**
 * The outbox in `baton_outbox`. Recipient-only values of notifications (a dropship's callback
 * token) are stored sealed (`OutboxSecrets`): at rest only; the port gives entries back as
 * appended.
 */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const box = yield* SecretBox
  const entryOf = (row: typeof EntryRow.Type) => Effect.map(OutboxSecrets.open(box, row.intent), (intent) => toEntry({ ...row, intent }))
  // PostgreSQL lets concurrent dispatchers skip each other's rows; SQLite has one writer at a time.
  const skipLocked = sql.onDialectOrElse({ pg: () => sql.literal("FOR UPDATE SKIP LOCKED"), orElse: () => sql.literal("") })

  const claim = SqlSchema.findAll({
    Request: Schema.Struct({ now: Schema.Number, leaseUntil: Schema.Number, limit: Schema.Number }),
    Result: EntryRow,
    execute: ({ leaseUntil, limit, now }) =>
      sql`UPDATE baton_outbox SET next_attempt_at = ${leaseUntil}
          WHERE seq IN (
            SELECT seq FROM baton_outbox
            WHERE status = 'pending' AND next_attempt_at <= ${now}
            ORDER BY seq LIMIT ${limit} ${skipLocked}
          )
          RETURNING seq, id, destination, intent, attempts`.pipe(
        Effect.map((rows) => [...rows].sort((a, b) => Number(a["seq"]) - Number(b["seq"])))
      )
  })

  const list = SqlSchema.findAll({
    Request: Schema.Struct({ status: Schema.String, limit: Schema.Number }),
    Result: ListedRow,
    execute: ({ limit, status }) =>
      sql`SELECT id, destination, intent, attempts, status, next_attempt_at, last_error
          FROM baton_outbox WHERE status = ${status} ORDER BY seq LIMIT ${limit}`
  })

  const stats = SqlSchema.single({
    Request: Schema.Void,
    Result: StatsRow,
    execute: () =>
      sql`SELECT
            COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS pending,
            COALESCE(SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END), 0) AS dead,
            MIN(CASE WHEN status = 'pending' AND destination NOT LIKE 'endpoint:%' THEN created_at END) AS oldest
          FROM baton_outbox`
  })

  return Outbox.of({
    append: (entries) =>
      Effect.gen(function*() {
        if (entries.length === 0) return
        const now = yield* Clock.currentTimeMillis
        const rows = yield* Effect.forEach(entries, (entry) =>
          Effect.map(Effect.flatMap(OutboxSecrets.seal(box, entry.intent), encodeIntent), (intent) => ({
            id: entry.id,
            destination: entry.destination,
            intent,
            status: "pending",
            attempts: entry.attempts,
            created_at: now,
            next_attempt_at: now
          })))
        yield* sql`INSERT INTO baton_outbox ${sql.insert(rows)} ON CONFLICT (id) DO NOTHING`
      }).pipe(mapErrors("Outbox.append")),
    claimDue: (options) =>
      claim(options).pipe(
        Effect.flatMap(Effect.forEach(entryOf)),
        mapErrors("Outbox.claimDue")
      ),
    markDelivered: (ids) =>
      ids.length === 0
        ? Effect.void
        : sql`DELETE FROM baton_outbox WHERE ${sql.in("id", ids)}`.pipe(Effect.asVoid, mapErrors("Outbox.markDelivered")),
    reschedule: (id, attempts, at, error) =>
      sql`UPDATE baton_outbox SET attempts = ${attempts}, next_attempt_at = ${at}, last_error = ${error} WHERE id = ${id}`.pipe(
        Effect.asVoid,
        mapErrors("Outbox.reschedule")
      ),
    deadLetter: (id, attempts, error) =>
      sql`UPDATE baton_outbox SET status = 'dead', attempts = ${attempts}, last_error = ${error} WHERE id = ${id}`.pipe(
        Effect.asVoid,
        mapErrors("Outbox.deadLetter")
      ),
    replayDead: (ids, now) =>
      ids !== "all" && ids.length === 0
        ? Effect.succeed(0)
        : sql`UPDATE baton_outbox SET status = 'pending', attempts = 0, next_attempt_at = ${now}
              WHERE status = 'dead' AND ${ids === "all" ? sql.literal("1 = 1") : sql.in("id", ids)} RETURNING id`.pipe(
          Effect.map((rows) => rows.length),
          mapErrors("Outbox.replayDead")
        ),
    list: (status, limit) =>
      list({ status, limit }).pipe(
        Effect.flatMap(Effect.forEach((row) =>
          Effect.map(entryOf(row), (entry) => ({
            entry,
            status: row.status,
            nextAttemptAt: row.next_attempt_at,
            lastError: row.last_error
          }))
        )),
        mapErrors("Outbox.list")
      ),
    stats: stats(undefined).pipe(
      Effect.map((row) => ({ pending: row.pending, dead: row.dead, oldestPendingAt: row.oldest })),
      mapErrors("Outbox.stats")
    )
  })
})

export const layer: Layer.Layer<Outbox, never, SqlClient.SqlClient | SecretBox> = Layer.effect(Outbox, make)
