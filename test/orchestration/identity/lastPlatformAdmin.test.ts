import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import type { AccountId } from "../../../src/domain/shared/Ids.js"
import { createPlatformAdmin } from "../../../src/orchestration/access/createPlatformAdmin.js"
import { revokePlatformRole } from "../../../src/orchestration/access/revokePlatformRole.js"
import { Accounts } from "../../../src/orchestration/identity/Accounts.js"
import { Admins } from "../../../src/orchestration/identity/Admins.js"
import { disableAdmin, suspendAdmin } from "../../../src/orchestration/identity/changeAdminStatus.js"
import { Transactions } from "../../../src/orchestration/shared/Transactions.js"
import { adapterFamilies, type TestPorts } from "../../support/Adapters.js"
import { password, signIn, system } from "./adminSupport.js"

const ROUNDS = 5

const newAdmin = (n: number) =>
  Effect.map(createPlatformAdmin(system, { email: `admin${n}@example.com`, displayName: `Admin ${n}`, password }), (outcome) =>
    outcome._tag === "AccountCreated" ? outcome.account.id : assert.fail(outcome._tag))

const activeAdmins = Effect.flatMap(Transactions, (tx) => Effect.flatMap(Admins, (admins) => tx.withTransaction(admins.lockActivePlatformAdmins)))

type Removal = (id: AccountId) => Effect.Effect<{ readonly _tag: string }, unknown, TestPorts>

/**
 * Round after round, the two active platform admins are taken out at the same time by two
 * removals: exactly one is refused with LastPlatformAdmin, and one active admin always remains.
 */
const race = (first: Removal, second: Removal) =>
  Effect.gen(function*() {
    let survivor = yield* newAdmin(0)
    for (let round = 1; round <= ROUNDS; round++) {
      const other = yield* newAdmin(round)
      const outcomes = yield* Effect.all([first(survivor), second(other)], { concurrency: "unbounded" })
      assert.sameMembers(outcomes.map((o) => o._tag).filter((t) => t === "LastPlatformAdmin"), ["LastPlatformAdmin"], `round ${round}`)
      const active = yield* activeAdmins
      assert.strictEqual(active.length, 1, `round ${round}: one active platform admin remains`)
      survivor = active[0]!
    }
    const account = yield* Effect.flatMap(Accounts, (accounts) => accounts.findById(survivor))
    assert.isTrue(Option.exists(account, (a) => a.status === "active"))
  })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`LastPlatformAdmin under concurrency: ${family.name}`, () => {
    it.live("two suspensions at once of the last two active platform admins: one of them is refused", () =>
      race((id) => suspendAdmin(system, id, "race"), (id) => suspendAdmin(system, id, "race")).pipe(Effect.provide(family.layer)), 60_000)

    it.live("a disabling and a role revocation at once: one of them is refused", () =>
      race((id) => disableAdmin(system, id, "race"), (id) => revokePlatformRole(system, id, "platform-admin")).pipe(Effect.provide(family.layer)), 60_000)

    it.live("two admins suspending each other at once, a third one active: one wins, the other is no longer active to act", () =>
      Effect.gen(function*() {
        const [a, b] = [yield* newAdmin(1), yield* newAdmin(2), yield* newAdmin(3)]
        const [actorA, actorB] = [yield* signIn("admin1@example.com"), yield* signIn("admin2@example.com")]
        const outcomes = yield* Effect.all([suspendAdmin(actorA, b!, "race"), suspendAdmin(actorB, a!, "race")], { concurrency: "unbounded" })
        assert.sameMembers(outcomes.map((o) => o._tag), ["AdminSuspended", "PermissionDenied"])
        assert.strictEqual((yield* activeAdmins).length, 2)
      }).pipe(Effect.provide(family.layer)), 60_000)
  })
}
