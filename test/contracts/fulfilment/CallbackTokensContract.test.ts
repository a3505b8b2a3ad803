import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { CallbackTokens } from "../../../src/orchestration/fulfilment/CallbackTokens.js"
import { adapterFamilies, sqlAdapterFamilies } from "../../support/Adapters.js"
import { at } from "../../support/DropshipFixtures.js"
import { acme, globex } from "../../support/SupplyFixtures.js"

const holder = (tenantId = acme, lineNo = 1) => ({ tenantId, salesOrderId: SalesOrderId.make("S-1"), lineNo })
const now = at("2025-03-01T10:00:00Z")

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`CallbackTokens contract: ${family.name}`, () => {
    it.live("issues distinct 256-bit secrets that find their line until spent; a token is spent once", () =>
      Effect.gen(function*() {
        const tokens = yield* CallbackTokens
        const a = yield* tokens.issue(holder(), now)
        const b = yield* tokens.issue(holder(globex), now)
        assert.notStrictEqual(a, b)
        assert.isAtLeast(Buffer.from(a.replace(/^bdt_/, ""), "base64url").length, 32, "at least 256 random bits")
        assert.deepStrictEqual(yield* tokens.find(a), Option.some(holder()))
        assert.deepStrictEqual(yield* tokens.find(b), Option.some(holder(globex)))
        assert.isTrue(Option.isNone(yield* tokens.find(`${a}x`)), "unknown")
        assert.isTrue(yield* tokens.spend(a, now))
        assert.isFalse(yield* tokens.spend(a, now), "spent already")
        assert.isTrue(Option.isNone(yield* tokens.find(a)), "a spent token finds nothing")
        assert.isFalse(yield* tokens.spend("bdt_never-issued", now))
      }).pipe(Effect.provide(family.layer)))

    it.live("revokes the live tokens of one line only; concurrent spends of one token: one wins", () =>
      Effect.gen(function*() {
        const tokens = yield* CallbackTokens
        const first = yield* tokens.issue(holder(), now)
        const second = yield* tokens.issue(holder(), now)
        const other = yield* tokens.issue(holder(acme, 2), now)
        yield* tokens.spend(first, now)
        assert.strictEqual(yield* tokens.revoke(holder(), now), 1)
        assert.isTrue(Option.isNone(yield* tokens.find(second)))
        assert.isTrue(Option.isSome(yield* tokens.find(other)))
        const spends = yield* Effect.all(Array.from({ length: 8 }, () => tokens.spend(other, now)), { concurrency: "unbounded" })
        assert.strictEqual(spends.filter(Boolean).length, 1)
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`CallbackTokens storage: ${family.name}`, () => {
    it.live("stores only the SHA-256 of a token, never the secret", () =>
      Effect.gen(function*() {
        const token = yield* (yield* CallbackTokens).issue(holder(), now)
        const rows = yield* (yield* SqlClient.SqlClient)<{ token_hash: string }>`SELECT * FROM baton_dropship_tokens`
        assert.strictEqual(rows.length, 1)
        assert.match(rows[0]!.token_hash, /^[0-9a-f]{64}$/)
        assert.notInclude(JSON.stringify(rows), token.slice(4))
      }).pipe(Effect.provide(family.layer)))
  })
}
