import { DateTime, Effect, Layer, Option } from "effect"
import { ApiToken, shouldRecordUse } from "../../domain/identity/ApiToken.js"
import { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import * as Tokens from "../crypto/Tokens.js"
import { newApiToken } from "../identity/NewApiToken.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface Row {
  readonly tokenHash: string
  readonly apiToken: ApiToken
}

type Rows = ReadonlyMap<string, Row>

const newestFirst = (a: ApiToken, b: ApiToken) =>
  DateTime.toEpochMillis(b.createdAt) - DateTime.toEpochMillis(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

const change = (rows: Rows, id: string, f: (token: ApiToken) => Option.Option<ApiToken>): readonly [boolean, Rows] => {
  const row = rows.get(id)
  const next = row === undefined ? Option.none() : f(row.apiToken)
  return row === undefined || Option.isNone(next)
    ? [false, rows]
    : [true, new Map(rows).set(id, { ...row, apiToken: next.value })]
}

/**
 * API tokens in memory. `list` returns **every** token of the account, newest first, revoked and
 * expired ones included (see `revokedAt` / `expiresAt`), so that the user sees them; callers that
 * want live tokens only filter with `tokenInvalidity`. Only the SHA-256 of a token is kept.
 */
export const make = Effect.gen(function*() {
  const ids = yield* Ids
  const rows = (yield* MemoryDatabase).table<Rows>("api_tokens", new Map())
  return ApiTokens.of({
    issue: (input) =>
      Effect.gen(function*() {
        const { apiToken, token, tokenHash } = yield* newApiToken(input).pipe(Effect.provideService(Ids, ids))
        yield* rows.update((all) => new Map(all).set(apiToken.id, { tokenHash, apiToken }))
        return { apiToken, token }
      }),
    findByToken: (token) =>
      Effect.map(rows.get, (all) => {
        const hash = Tokens.digest(token)
        return Option.fromNullable([...all.values()].find((row) => row.tokenHash === hash)).pipe(Option.map((row) => row.apiToken))
      }),
    list: (account) =>
      Effect.map(rows.get, (all) =>
        [...all.values()].map((row) => row.apiToken).filter((t) => t.accountId === account).sort(newestFirst)),
    revoke: (account, id, now) =>
      rows.modify((all) =>
        change(all, id, (t) =>
          t.accountId === account && Option.isNone(t.revokedAt)
            ? Option.some(new ApiToken({ ...t, revokedAt: Option.some(now) }))
            : Option.none())
      ),
    touch: (id, now) =>
      rows.update((all) =>
        change(all, id, (t) =>
          shouldRecordUse(t, now) ? Option.some(new ApiToken({ ...t, lastUsedAt: Option.some(now) })) : Option.none())[1]
      )
  })
})

export const layer: Layer.Layer<ApiTokens, never, MemoryDatabase | Ids> = Layer.effect(ApiTokens, make)
