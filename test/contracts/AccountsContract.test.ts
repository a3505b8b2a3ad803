import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Cause, DateTime, Effect, Exit, Option, Schema } from "effect"
import { Account } from "../../src/domain/identity/Account.js"
import { Email } from "../../src/domain/identity/Email.js"
import { ContractViolation } from "../../src/domain/shared/Defects.js"
import { AccountId } from "../../src/domain/shared/Ids.js"
import { Accounts } from "../../src/orchestration/identity/Accounts.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"
import { assertEncoded, identityFamilies, sqlIdentityFamilies } from "../support/IdentityFamilies.js"

const account = (n: number, email = `user${n}@example.com`) =>
  new Account({
    id: AccountId.make(`account-${n}`),
    email: Email.make(email),
    displayName: `User ${n}`,
    status: "active",
    authEpoch: n,
    createdAt: DateTime.unsafeMake(1_700_000_000_000 + n)
  })

const assertFound = (actual: Option.Option<Account>, expected: Account) => assertEncoded(Schema.Option(Account), actual, Option.some(expected))

for (const family of identityFamilies) {
  describe.skipIf(family.skip)(`Accounts contract: ${family.name}`, () => {
    it.live("creates accounts and finds them by id and by email, with every field", () =>
      Effect.gen(function*() {
        const accounts = yield* Accounts
        assert.strictEqual(yield* accounts.count, 0)
        assert.isTrue(yield* accounts.create(account(1)))
        assert.isTrue(yield* accounts.create(new Account({ ...account(2), status: "invited", displayName: "Zoë «Ops»" })))
        assertFound(yield* accounts.findById(account(1).id), account(1))
        assertFound(yield* accounts.findByEmail(account(2).email), new Account({ ...account(2), status: "invited", displayName: "Zoë «Ops»" }))
        assert.isTrue(Option.isNone(yield* accounts.findById(AccountId.make("account-9"))))
        assert.isTrue(Option.isNone(yield* accounts.findByEmail(Email.make("nobody@example.com"))))
        assert.strictEqual(yield* accounts.count, 2)
      }).pipe(Effect.provide(family.layer)))

    it.live("refuses a taken email without writing anything, and never overwrites an id", () =>
      Effect.gen(function*() {
        const accounts = yield* Accounts
        assert.isTrue(yield* accounts.create(account(1, "ada@example.com")))
        assert.isFalse(yield* accounts.create(account(2, "ada@example.com")))
        assert.isFalse(yield* accounts.create(account(1, "ada@example.com")))
        assert.isTrue(Option.isNone(yield* accounts.findById(account(2).id)))
        assertFound(yield* accounts.findByEmail(Email.make("ada@example.com")), account(1, "ada@example.com"))
        const clash = yield* Effect.flip(accounts.create(new Account({ ...account(1), email: Email.make("other@example.com") })))
        assert.instanceOf(clash, RepositoryError)
        assert.isTrue(Option.isNone(yield* accounts.findByEmail(Email.make("other@example.com"))))
        assert.strictEqual(yield* accounts.count, 1)
      }).pipe(Effect.provide(family.layer)))

    it.live("bumps the auth epoch atomically: 20 concurrent bumps give 20 distinct epochs", () =>
      Effect.gen(function*() {
        const accounts = yield* Accounts
        yield* accounts.create(new Account({ ...account(1), authEpoch: 0 }))
        assert.strictEqual(yield* accounts.bumpEpoch(account(1).id), 1)
        const epochs = yield* Effect.all(Arr.replicate(accounts.bumpEpoch(account(1).id), 20), { concurrency: "unbounded" })
        assert.deepStrictEqual([...epochs].sort((a, b) => a - b), Arr.range(2, 21))
        assert.strictEqual(Option.getOrNull(Option.map(yield* accounts.findById(account(1).id), (a) => a.authEpoch)), 21)
      }).pipe(Effect.provide(family.layer)))

    it.live("bumping the epoch of an unknown account is a contract violation", () =>
      Effect.gen(function*() {
        const exit = yield* Effect.exit((yield* Accounts).bumpEpoch(AccountId.make("nobody")))
        const defect = Exit.isFailure(exit) ? Option.getOrNull(Cause.dieOption(exit.cause)) : null
        assert.instanceOf(defect, ContractViolation)
      }).pipe(Effect.provide(family.layer)))

    it.live("sets the status of one account only", () =>
      Effect.gen(function*() {
        const accounts = yield* Accounts
        yield* accounts.create(account(1))
        yield* accounts.create(account(2))
        yield* accounts.setStatus(account(1).id, "suspended")
        yield* accounts.setStatus(AccountId.make("nobody"), "disabled")
        assertFound(yield* accounts.findById(account(1).id), new Account({ ...account(1), status: "suspended" }))
        assertFound(yield* accounts.findById(account(2).id), account(2))
        assert.strictEqual(yield* accounts.count, 2)
      }).pipe(Effect.provide(family.layer)))
  })
}

for (const family of sqlIdentityFamilies) {
  describe.skipIf(family.skip)(`Accounts storage: ${family.name}`, () => {
    it.live("reports a broken store as a RepositoryError, never as an empty result", () =>
      Effect.gen(function*() {
        const accounts = yield* Accounts
        yield* (yield* SqlClient.SqlClient)`DROP TABLE baton_accounts`
        const errors = yield* Effect.all([
          Effect.flip(accounts.count),
          Effect.flip(accounts.findById(account(1).id)),
          Effect.flip(accounts.create(account(1)))
        ])
        for (const error of errors) assert.instanceOf(error, RepositoryError)
      }).pipe(Effect.provide(family.layer)))
  })
}
