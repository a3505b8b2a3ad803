import * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import { Array as Arr, DateTime, Duration, Effect, Layer, Option, Schema } from "effect"
import { ApiToken, Scope, shouldRecordUse, USE_INTERVAL } from "../../domain/identity/ApiToken.js"
import { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import * as Tokens from "../crypto/Tokens.js"
import { newApiToken } from "../identity/NewApiToken.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

/** Domain values are built from rows whose schemas (the classes' own field schemas) have just decoded them: no second validation. */
const decoded = { disableValidation: true } as const

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
const Scopes = Schema.parseJson(Schema.Array(Scope))

const Row = Schema.Struct({
  id: ApiToken.fields.id,
  account_id: ApiToken.fields.accountId,
  name: ApiToken.fields.name,
  scopes: Scopes,
  hint: ApiToken.fields.hint,
  created_at: Millis,
  expires_at: Schema.OptionFromNullOr(Millis),
  last_used_at: Schema.OptionFromNullOr(Millis),
  revoked_at: Schema.OptionFromNullOr(Millis)
})

const decodeRows = Schema.decodeUnknown(Schema.Array(Row))
const encodeScopes = Schema.encodeSync(Scopes)

const toApiToken = (row: typeof Row.Type) =>
  new ApiToken({
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    scopes: row.scopes,
    hint: row.hint,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at
  }, decoded)

const millis = DateTime.toEpochMillis

/**
 * API tokens in `baton_api_tokens`. `list` returns **every** token of the account, newest first,
 * revoked and expired ones included (see `revokedAt` / `expiresAt`), so that the user sees them;
 * callers that want live tokens only filter with `tokenInvalidity`. Only the SHA-256 of a token is kept.
 */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const ids = yield* Ids

  const select = (where: Statement.Fragment, order = sql.literal("")) =>
    sql`SELECT id, account_id, name, scopes, hint, created_at, expires_at, last_used_at, revoked_at
        FROM baton_api_tokens WHERE ${where} ${order}`.pipe(
      Effect.flatMap(decodeRows),
      Effect.map((rows) => rows.map(toApiToken))
    )

  // the use stamp written without a bump is trusted only while it is too young to be written again
  const remembered = yield* CommittedReads.remember<Option.Option<ApiToken>>({
    keep: Option.isSome,
    fresh: (token, now) => Option.exists(token, (t) => !shouldRecordUse(t, DateTime.unsafeMake(now)))
  })

  return ApiTokens.of({
    issue: (input) =>
      Effect.gen(function*() {
        const { apiToken, token, tokenHash } = yield* newApiToken(input).pipe(Effect.provideService(Ids, ids))
        yield* sql`INSERT INTO baton_api_tokens ${
          sql.insert({
            id: apiToken.id,
            token_hash: tokenHash,
            account_id: apiToken.accountId,
            name: apiToken.name,
            scopes: encodeScopes(apiToken.scopes),
            hint: apiToken.hint,
            created_at: millis(apiToken.createdAt),
            expires_at: Option.getOrNull(Option.map(apiToken.expiresAt, millis)),
            last_used_at: null,
            revoked_at: null
          })
        }`.pipe(mapErrors("ApiTokens.issue"))
        return { apiToken, token }
      }),
    findByToken: (token) => {
      const hash = Tokens.digest(token)
      return remembered(hash, () => select(sql`token_hash = ${hash}`).pipe(Effect.map(Arr.head), mapErrors("ApiTokens.findByToken")))
    },
    list: (account) =>
      select(sql`account_id = ${account}`, sql.literal("ORDER BY created_at DESC, id DESC")).pipe(mapErrors("ApiTokens.list")),
    revoke: (account, id, now) =>
      sql`UPDATE baton_api_tokens SET revoked_at = ${millis(now)}
          WHERE id = ${id} AND account_id = ${account} AND revoked_at IS NULL RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("ApiTokens.revoke")
      ),
    touch: (id, now) =>
      sql`UPDATE baton_api_tokens SET last_used_at = ${millis(now)}
          WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at <= ${millis(now) - Duration.toMillis(USE_INTERVAL)})`.pipe(
        Effect.asVoid,
        mapErrors("ApiTokens.touch")
      )
  })
})

export const layer: Layer.Layer<ApiTokens, never, SqlClient.SqlClient | Ids> = Layer.effect(ApiTokens, make)
