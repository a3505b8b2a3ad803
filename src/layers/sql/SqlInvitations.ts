import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { INVITATION_PREFIX, Invitation } from "../../domain/identity/Invitation.js"
import { Invitations } from "../../orchestration/identity/Invitations.js"
import * as Tokens from "../crypto/Tokens.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)

const Row = Schema.Struct({ account_id: Invitation.fields.accountId, created_at: Millis, expires_at: Millis })

const toInvitation = (row: typeof Row.Type) =>
  new Invitation({ accountId: row.account_id, createdAt: row.created_at, expiresAt: row.expires_at })

/** Invitations in `baton_invitations`, one row per account (a new one replaces it); tokens stored as SHA-256. */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const find = SqlSchema.findOne({
    Request: Schema.String,
    Result: Row,
    execute: (hash) => sql`SELECT account_id, created_at, expires_at FROM baton_invitations WHERE token_hash = ${hash}`
  })

  return Invitations.of({
    issue: ({ accountId, expiresAt, now }) =>
      Effect.gen(function*() {
        const token = Tokens.mint(INVITATION_PREFIX)
        const row = {
          account_id: accountId,
          token_hash: Tokens.digest(token),
          created_at: DateTime.toEpochMillis(now),
          expires_at: DateTime.toEpochMillis(expiresAt)
        }
        yield* sql`INSERT INTO baton_invitations ${sql.insert(row)}
          ON CONFLICT (account_id) DO UPDATE SET token_hash = ${row.token_hash}, created_at = ${row.created_at}, expires_at = ${row.expires_at}`
        return { invitation: new Invitation({ accountId, createdAt: now, expiresAt }), token }
      }).pipe(mapErrors("Invitations.issue")),
    find: (token) => find(Tokens.digest(token)).pipe(Effect.map(Option.map(toInvitation)), mapErrors("Invitations.find")),
    consume: (token) =>
      sql`DELETE FROM baton_invitations WHERE token_hash = ${Tokens.digest(token)} RETURNING account_id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Invitations.consume")
      )
  })
})

export const layer: Layer.Layer<Invitations, never, SqlClient.SqlClient> = Layer.effect(Invitations, make)
