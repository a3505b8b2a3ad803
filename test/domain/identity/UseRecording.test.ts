import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, FastCheck as fc, Option } from "effect"
import { Account } from "../../../src/domain/identity/Account.js"
import { ApiToken, shouldRecordUse, tokenInvalidity, tokenValidUntil } from "../../../src/domain/identity/ApiToken.js"
import { Email } from "../../../src/domain/identity/Email.js"
import { Device, invalidity, Session, shouldTouch, validUntil } from "../../../src/domain/identity/Session.js"
import { AccountId, ApiTokenId, SessionId } from "../../../src/domain/shared/Ids.js"

const at = (seconds: number) => DateTime.unsafeMake(1_700_000_000_000 + seconds * 1000)

const token = (lastUsed: Option.Option<number>, expires: Option.Option<number> = Option.none()) =>
  new ApiToken({
    id: ApiTokenId.make("token-1"),
    accountId: AccountId.make("account-ada"),
    name: "ci",
    scopes: [],
    hint: "baton_pat_ab",
    createdAt: at(0),
    expiresAt: Option.map(expires, at),
    lastUsedAt: Option.map(lastUsed, at),
    revokedAt: Option.none()
  })

const session = (lastSeen: number, expires = 43_200) =>
  new Session({
    id: SessionId.make("session-1"),
    accountId: AccountId.make("account-ada"),
    kind: "full",
    authEpoch: 0,
    device: new Device({ userAgent: "curl/8.5.0", ip: "203.0.113.7" }),
    createdAt: at(0),
    lastSeenAt: at(lastSeen),
    authenticatedAt: at(0),
    expiresAt: at(expires),
    revokedAt: Option.none()
  })

describe("recording uses at most once a minute", () => {
  it("records a token's first use, then again only once its last recorded use is a minute old", () => {
    assert.isTrue(shouldRecordUse(token(Option.none()), at(10)))
    assert.isFalse(shouldRecordUse(token(Option.some(10)), at(69)))
    assert.isTrue(shouldRecordUse(token(Option.some(10)), at(70)))
  })

  it("touches a session once its last-seen stamp is a minute old (the committed-read cache trusts it until then)", () => {
    assert.isFalse(shouldTouch(session(10), at(69)))
    assert.isTrue(shouldTouch(session(10), at(70)))
  })
})

const account = new Account({
  id: AccountId.make("account-ada"),
  email: Email.make("ada@example.com"),
  displayName: "Ada",
  status: "active",
  authEpoch: 0,
  createdAt: at(0)
})

const seconds = fc.integer({ min: 0, max: 20_000 })

describe("how long a valid answer holds without a write (the bearer check remembers it until then)", () => {
  it("a session: valid and needing no touch exactly while now is before validUntil", () => {
    fc.assert(fc.property(seconds, seconds, fc.integer({ min: 1, max: 120 }), seconds, (lastSeen, expires, idleMinutes, now) => {
      const idle = Duration.minutes(idleMinutes)
      const holds = Option.isNone(invalidity(session(lastSeen, expires), account, at(now), idle)) && !shouldTouch(session(lastSeen, expires), at(now))
      assert.strictEqual(DateTime.lessThan(at(now), validUntil(session(lastSeen, expires), idle)), holds)
    }))
  })

  it("a token: valid and needing no recorded use exactly while now is before tokenValidUntil", () => {
    const optional = fc.option(seconds, { nil: undefined }).map(Option.fromNullable)
    fc.assert(fc.property(optional, optional, seconds, (lastUsed, expires, now) => {
      const used = token(lastUsed, expires)
      const holds = Option.isNone(tokenInvalidity(used, account, at(now))) && !shouldRecordUse(used, at(now))
      assert.strictEqual(DateTime.lessThan(at(now), tokenValidUntil(used, at(now))), holds)
    }))
  })
})
