import { assert, describe, it } from "@effect/vitest"
import { Either } from "effect"
import { PlatformRoleName } from "../../../src/domain/access/PlatformRoles.js"
import { builtInRoles } from "../../../src/domain/access/Role.js"
import { AccountStatus } from "../../../src/domain/identity/Account.js"
import { InvalidTransition, isLastPlatformAdmin, targetsSelf, transition } from "../../../src/domain/identity/AdminLifecycle.js"
import { AccountActor, ApiTokenActor, SystemActor } from "../../../src/domain/shared/Actor.js"
import { AccountId, ApiTokenId, SessionId } from "../../../src/domain/shared/Ids.js"

const a = AccountId.make("a")
const b = AccountId.make("b")

describe("the admin lifecycle", () => {
  it("allows exactly invited → active ⇄ suspended and active | suspended → disabled", () => {
    const allowed = AccountStatus.literals.flatMap((from) =>
      AccountStatus.literals.filter((to) => Either.isRight(transition(from, to))).map((to) => `${from} → ${to}`)
    )
    assert.deepStrictEqual(allowed, ["invited → active", "active → suspended", "active → disabled", "suspended → active", "suspended → disabled"])
  })

  it("refuses every other step with InvalidTransition { from, to }; disabled is terminal", () => {
    assert.deepStrictEqual(transition("disabled", "active"), Either.left(new InvalidTransition({ from: "disabled", to: "active" })))
    assert.deepStrictEqual(transition("invited", "suspended"), Either.left(new InvalidTransition({ from: "invited", to: "suspended" })))
    assert.deepStrictEqual(transition("active", "active"), Either.left(new InvalidTransition({ from: "active", to: "active" })))
    assert.isTrue(AccountStatus.literals.every((to) => Either.isLeft(transition("disabled", to))))
    assert.deepStrictEqual(transition("suspended", "active"), Either.right("active"))
  })

  it("the last active platform admin is the only one left among the active ones, if the target is one of them", () => {
    assert.isTrue(isLastPlatformAdmin([a], a))
    assert.isFalse(isLastPlatformAdmin([a, b], a))
    assert.isFalse(isLastPlatformAdmin([a], b))
    assert.isFalse(isLastPlatformAdmin([], a))
  })

  it("an actor targets itself through a session or one of its tokens, never as baton", () => {
    assert.isTrue(targetsSelf(new AccountActor({ accountId: a, sessionId: SessionId.make("s") }), a))
    assert.isTrue(targetsSelf(new ApiTokenActor({ accountId: a, tokenId: ApiTokenId.make("t"), scopes: [] }), a))
    assert.isFalse(targetsSelf(new AccountActor({ accountId: a, sessionId: SessionId.make("s") }), b))
    assert.isFalse(targetsSelf(new SystemActor({ component: "cli" }), a))
  })

  it("the platform roles are the built-in roles granted on the platform", () => {
    assert.deepStrictEqual(
      PlatformRoleName.literals.map(String),
      builtInRoles.filter((role) => role.grantedOn === "platform").map((role) => String(role.name))
    )
  })
})
