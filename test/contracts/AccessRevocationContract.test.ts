import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option } from "effect"
import { Device } from "../../src/domain/identity/Session.js"
import { AccountId } from "../../src/domain/shared/Ids.js"
import { AccessRevocation } from "../../src/orchestration/identity/AccessRevocation.js"
import { ApiTokens } from "../../src/orchestration/identity/ApiTokens.js"
import { Sessions } from "../../src/orchestration/identity/Sessions.js"
import { Transactions } from "../../src/orchestration/shared/Transactions.js"
import { adapterFamilies } from "../support/Adapters.js"

const ada = AccountId.make("account-ada")
const bob = AccountId.make("account-bob")
const at = (minutes: number) => DateTime.unsafeMake(1_700_000_000_000 + minutes * 60_000)
const device = new Device({ userAgent: "contract", ip: "127.0.0.1" })

const arrange = Effect.gen(function*() {
  const sessions = yield* Sessions
  const tokens = yield* ApiTokens
  const open = (accountId: AccountId) => sessions.open({ accountId, kind: "full", authEpoch: 0, device, now: at(0), expiresAt: at(600) })
  const issue = (accountId: AccountId, expiresAt: Option.Option<DateTime.Utc> = Option.none()) =>
    tokens.issue({ accountId, name: "ci", scopes: [], now: at(0), expiresAt })
  yield* Effect.all([open(ada), open(ada), open(ada), open(bob)])
  const revoked = yield* issue(ada)
  yield* tokens.revoke(ada, revoked.apiToken.id, at(1))
  yield* Effect.all([issue(ada), issue(ada, Option.some(at(600))), issue(ada, Option.some(at(5))), issue(bob)])
})

const live = (accountId: AccountId) =>
  Effect.gen(function*() {
    const sessions = yield* (yield* Sessions).list(accountId, at(10))
    const tokens = (yield* (yield* ApiTokens).list(accountId)).filter((t) => Option.isNone(t.revokedAt))
    return { sessions: sessions.length, tokens: tokens.length }
  })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`AccessRevocation contract: ${family.name}`, () => {
    it.live("revokes every live session and API token of the account, and says how many; others keep theirs", () =>
      Effect.gen(function*() {
        yield* arrange
        const revocation = yield* AccessRevocation
        assert.deepStrictEqual(yield* revocation.endAll(ada, at(10)), { sessions: 3, tokens: 2 }, "the revoked and the expired token are not counted")
        assert.deepStrictEqual(yield* live(ada), { sessions: 0, tokens: 1 }, "the expired token is left as it is")
        assert.deepStrictEqual(yield* live(bob), { sessions: 1, tokens: 1 })
        assert.deepStrictEqual(yield* revocation.endAll(ada, at(11)), { sessions: 0, tokens: 0 })
      }).pipe(Effect.provide(family.layer)))

    it.live("joins the unit of work: a failure after it revokes nothing", () =>
      Effect.gen(function*() {
        yield* arrange
        const failed = yield* (yield* Transactions).withTransaction(
          Effect.zipRight((yield* AccessRevocation).endAll(ada, at(10)), Effect.fail("boom" as const))
        ).pipe(Effect.flip)
        assert.strictEqual(failed, "boom")
        assert.deepStrictEqual(yield* live(ada), { sessions: 3, tokens: 3 })
      }).pipe(Effect.provide(family.layer)))
  })
}
