import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option, Schema } from "effect"
import { INVITATION_PREFIX, Invitation } from "../../src/domain/identity/Invitation.js"
import { AccountId } from "../../src/domain/shared/Ids.js"
import * as Tokens from "../../src/layers/crypto/Tokens.js"
import { Invitations } from "../../src/orchestration/identity/Invitations.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import { Transactions } from "../../src/orchestration/shared/Transactions.js"
import { adapterFamilies, sqlAdapterFamilies } from "../support/Adapters.js"
import { assertEncoded } from "../support/IdentityFamilies.js"

const grace = AccountId.make("account-grace")
const linus = AccountId.make("account-linus")
const at = (hours: number) => DateTime.unsafeMake(1_700_000_000_000 + hours * 3_600_000)
const issuing = (accountId: AccountId, hours = 0) => ({ accountId, now: at(hours), expiresAt: at(hours + 72) })
const assertInvitation = (actual: Option.Option<Invitation>, expected: Option.Option<Invitation>) =>
  assertEncoded(Schema.Option(Invitation), actual, expected)

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Invitations contract: ${family.name}`, () => {
    it.live("issues a prefixed 256-bit token and finds the invitation by that token only", () =>
      Effect.gen(function*() {
        const invitations = yield* Invitations
        const { invitation, token } = yield* invitations.issue(issuing(grace))
        assert.match(token, new RegExp(`^${INVITATION_PREFIX}[A-Za-z0-9_-]{43}$`))
        const expected = new Invitation({ accountId: grace, createdAt: at(0), expiresAt: at(72) })
        assertInvitation(Option.some(invitation), Option.some(expected))
        assertInvitation(yield* invitations.find(token), Option.some(expected))
        assertInvitation(yield* invitations.find(Tokens.digest(token)), Option.none())
        assertInvitation(yield* invitations.find(Tokens.mint(INVITATION_PREFIX)), Option.none())
      }).pipe(Effect.provide(family.layer)))

    it.live("a new invitation replaces the account's pending one: the old token stops working, others are untouched", () =>
      Effect.gen(function*() {
        const invitations = yield* Invitations
        const old = yield* invitations.issue(issuing(grace))
        const other = yield* invitations.issue(issuing(linus))
        const renewed = yield* invitations.issue(issuing(grace, 5))
        assertInvitation(yield* invitations.find(old.token), Option.none())
        assert.isFalse(yield* invitations.consume(old.token))
        assertInvitation(yield* invitations.find(renewed.token), Option.some(new Invitation({ accountId: grace, createdAt: at(5), expiresAt: at(77) })))
        assert.isTrue(Option.isSome(yield* invitations.find(other.token)))
      }).pipe(Effect.provide(family.layer)))

    it.live("consumes a token once; of concurrent consumptions exactly one wins", () =>
      Effect.gen(function*() {
        const invitations = yield* Invitations
        const transactions = yield* Transactions
        const { token } = yield* invitations.issue(issuing(grace))
        assert.isTrue(yield* invitations.consume(token))
        assert.isFalse(yield* invitations.consume(token))
        assertInvitation(yield* invitations.find(token), Option.none())
        const again = yield* invitations.issue(issuing(linus))
        const wins = yield* Effect.all(Array.from({ length: 5 }, () => transactions.withTransaction(invitations.consume(again.token))), { concurrency: "unbounded" })
        assert.deepStrictEqual(wins.filter(Boolean).length, 1)
      }).pipe(Effect.provide(family.layer)))

    it.live("an invitation issued in a unit of work that fails is not there", () =>
      Effect.gen(function*() {
        const invitations = yield* Invitations
        const issued = yield* (yield* Transactions).withTransaction(
          Effect.flatMap(invitations.issue(issuing(grace)), (issued) => Effect.fail({ _tag: "Boom" as const, issued }))
        ).pipe(Effect.flip)
        assert.strictEqual(issued._tag, "Boom")
        assertInvitation(yield* invitations.find(issued._tag === "Boom" ? issued.issued.token : ""), Option.none())
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`Invitations storage: ${family.name}`, () => {
    it.live("stores only the SHA-256 of the token", () =>
      Effect.gen(function*() {
        const { token } = yield* (yield* Invitations).issue(issuing(grace))
        const rows = yield* (yield* SqlClient.SqlClient)<{ token_hash: string }>`SELECT token_hash FROM baton_invitations WHERE account_id = ${grace}`
        assert.deepStrictEqual(rows.map((r) => r.token_hash), [Tokens.digest(token)])
      }).pipe(Effect.provide(family.layer)))

    it.live("reports a broken store as a RepositoryError, never as an empty result", () =>
      Effect.gen(function*() {
        const invitations = yield* Invitations
        yield* (yield* SqlClient.SqlClient)`DROP TABLE baton_invitations`
        const errors = yield* Effect.all([
          Effect.flip(invitations.issue(issuing(grace))),
          Effect.flip(invitations.find(Tokens.mint(INVITATION_PREFIX))),
          Effect.flip(invitations.consume(Tokens.mint(INVITATION_PREFIX)))
        ])
        for (const error of errors) assert.instanceOf(error, RepositoryError)
      }).pipe(Effect.provide(family.layer)))
  })
}
