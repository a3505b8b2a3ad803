import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Cause, DateTime, Effect, Exit, Option, Schema } from "effect"
import { ApiToken, TOKEN_PREFIX } from "../../src/domain/identity/ApiToken.js"
import { ContractViolation } from "../../src/domain/shared/Defects.js"
import { AccountId, ApiTokenId } from "../../src/domain/shared/Ids.js"
import * as Tokens from "../../src/layers/crypto/Tokens.js"
import { ApiTokens, type IssueToken } from "../../src/orchestration/identity/ApiTokens.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import { assertEncoded, identityFamilies, sqlIdentityFamilies } from "../support/IdentityFamilies.js"

const ada = AccountId.make("account-ada")
const bob = AccountId.make("account-bob")
const at = (seconds: number) => DateTime.unsafeMake(1_700_000_000_000 + seconds * 1000)

const issuing = (accountId: AccountId, seconds: number, name = `token ${seconds}`): IssueToken => ({
  accountId,
  name,
  scopes: ["settings.read", "tenants.members:write"],
  now: at(seconds),
  expiresAt: Option.none()
})

const assertToken = (actual: Option.Option<ApiToken>, expected: Option.Option<ApiToken>) =>
  assertEncoded(Schema.Option(ApiToken), actual, expected)
const lastUsed = (token: Option.Option<ApiToken>) =>
  Option.getOrNull(Option.flatMap(token, (t) => Option.map(t.lastUsedAt, DateTime.toEpochMillis)))

for (const family of identityFamilies) {
  describe.skipIf(family.skip)(`ApiTokens contract: ${family.name}`, () => {
    it.live("issues a prefixed token with a hint and finds it by that token only", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        const { apiToken, token } = yield* tokens.issue({ ...issuing(ada, 0, "CI deploy"), expiresAt: Option.some(at(86_400)) })
        assert.isTrue(token.startsWith(TOKEN_PREFIX))
        assert.isAtLeast(token.length, TOKEN_PREFIX.length + 43)
        const expected = new ApiToken({
          id: apiToken.id,
          accountId: ada,
          name: "CI deploy",
          scopes: ["settings.read", "tenants.members:write"],
          hint: token.slice(0, 14),
          createdAt: at(0),
          expiresAt: Option.some(at(86_400)),
          lastUsedAt: Option.none(),
          revokedAt: Option.none()
        })
        assertToken(Option.some(apiToken), Option.some(expected))
        assertToken(yield* tokens.findByToken(token), Option.some(expected))
        assertToken(yield* tokens.findByToken(Tokens.digest(token)), Option.none())
        assertToken(yield* tokens.findByToken(apiToken.hint), Option.none())
        assertToken(yield* tokens.findByToken(Tokens.mint(TOKEN_PREFIX)), Option.none())
        const other = yield* tokens.issue({ ...issuing(ada, 1), scopes: [] })
        assert.notStrictEqual(other.token, token)
        assertToken(yield* tokens.findByToken(other.token), Option.some(other.apiToken))
        assert.deepStrictEqual(other.apiToken.scopes, [])
      }).pipe(Effect.provide(family.layer)))

    it.live("refuses a token whose name or scopes break the domain's rules, as a contract violation", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        for (const input of [{ ...issuing(ada, 0), scopes: ["Not A Scope"] }, { ...issuing(ada, 0), name: "" }]) {
          const exit = yield* Effect.exit(tokens.issue(input))
          const defect = Exit.isFailure(exit) ? Option.getOrNull(Cause.dieOption(exit.cause)) : null
          assert.instanceOf(defect, ContractViolation)
        }
        assert.deepStrictEqual(yield* tokens.list(ada), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("lists the account's tokens newest first, revoked ones included", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        const first = yield* tokens.issue(issuing(ada, 0))
        const second = yield* tokens.issue(issuing(ada, 10))
        const third = yield* tokens.issue(issuing(ada, 20))
        yield* tokens.issue(issuing(bob, 30))
        assert.isTrue(yield* tokens.revoke(ada, second.apiToken.id, at(40)))
        const listed = yield* tokens.list(ada)
        assert.deepStrictEqual(listed.map((t) => t.id), [third.apiToken.id, second.apiToken.id, first.apiToken.id])
        assertToken(Option.fromNullable(listed[1]), Option.some(new ApiToken({ ...second.apiToken, revokedAt: Option.some(at(40)) })))
        assert.deepStrictEqual(yield* tokens.list(AccountId.make("nobody")), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("revokes a live token of the account once, and never another account's", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        const mine = yield* tokens.issue(issuing(ada, 0))
        const theirs = yield* tokens.issue(issuing(bob, 1))
        assert.isFalse(yield* tokens.revoke(ada, theirs.apiToken.id, at(5)))
        assertToken(yield* tokens.findByToken(theirs.token), Option.some(theirs.apiToken))
        assert.isFalse(yield* tokens.revoke(ada, ApiTokenId.make("unknown"), at(5)))
        assert.isTrue(yield* tokens.revoke(ada, mine.apiToken.id, at(6)))
        assert.isFalse(yield* tokens.revoke(ada, mine.apiToken.id, at(7)))
        assertToken(yield* tokens.findByToken(mine.token), Option.some(new ApiToken({ ...mine.apiToken, revokedAt: Option.some(at(6)) })))
      }).pipe(Effect.provide(family.layer)))

    it.live("records a use at most once a minute", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        const { apiToken, token } = yield* tokens.issue(issuing(ada, 0))
        const other = yield* tokens.issue(issuing(ada, 1))
        yield* tokens.touch(apiToken.id, at(100))
        assert.strictEqual(lastUsed(yield* tokens.findByToken(token)), DateTime.toEpochMillis(at(100)))
        yield* tokens.touch(apiToken.id, at(159))
        assert.strictEqual(lastUsed(yield* tokens.findByToken(token)), DateTime.toEpochMillis(at(100)))
        yield* tokens.touch(apiToken.id, at(160))
        assert.strictEqual(lastUsed(yield* tokens.findByToken(token)), DateTime.toEpochMillis(at(160)))
        yield* tokens.touch(ApiTokenId.make("unknown"), at(300))
        assertToken(yield* tokens.findByToken(other.token), Option.some(other.apiToken))
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlIdentityFamilies) {
  describe.skipIf(family.skip)(`ApiTokens storage: ${family.name}`, () => {
    it.live("stores only the SHA-256 of the token, and the scopes as JSON text", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        const sql = yield* SqlClient.SqlClient
        const { apiToken, token } = yield* tokens.issue(issuing(ada, 0))
        const rows = yield* sql<{ token_hash: string; scopes: string }>`
          SELECT token_hash, scopes FROM baton_api_tokens WHERE id = ${apiToken.id}`
        assert.strictEqual(rows.length, 1)
        assert.notStrictEqual(rows[0]!.token_hash, token)
        assert.strictEqual(rows[0]!.token_hash, Tokens.digest(token))
        assert.deepStrictEqual(JSON.parse(rows[0]!.scopes), ["settings.read", "tenants.members:write"])
      }).pipe(Effect.provide(family.layer)))

    it.live("reports a broken store as a RepositoryError, never as an empty result", () =>
      Effect.gen(function*() {
        const tokens = yield* ApiTokens
        yield* (yield* SqlClient.SqlClient)`DROP TABLE baton_api_tokens`
        const errors = yield* Effect.all([
          Effect.flip(tokens.list(ada)),
          Effect.flip(tokens.findByToken(Tokens.mint(TOKEN_PREFIX))),
          Effect.flip(tokens.revoke(ada, ApiTokenId.make("x"), at(0)))
        ])
        for (const error of errors) assert.instanceOf(error, RepositoryError)
      }).pipe(Effect.provide(family.layer)))
  })
}
